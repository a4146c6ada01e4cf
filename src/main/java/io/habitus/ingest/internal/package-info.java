/**
 * The insides of ingest, hidden from other modules: batch validation and reading, raw-event
 * limits, UTC times, retention of old partitions, metrics and reading stored events back.
 */
@NullMarked
package io.habitus.ingest.internal;

import org.jspecify.annotations.NullMarked;
