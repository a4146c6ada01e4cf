/**
 * What the sensor adapters share, hidden from other modules: the translator contract, sensor
 * batches, translations, skip reasons and counts, receipts and metrics.
 */
@NullMarked
package io.habitus.sensor.internal;

import org.jspecify.annotations.NullMarked;
