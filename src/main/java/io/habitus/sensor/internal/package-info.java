/**
 * What the sensor adapters share, hidden from other modules: the translator contract, sensor
 * batches, translations, skip reasons and counts, receipts and metrics.
 */
package io.habitus.sensor.internal;
