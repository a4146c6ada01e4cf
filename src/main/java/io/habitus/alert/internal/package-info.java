/**
 * The alert module's workers, hidden from other modules: the listener that turns published audits
 * and incidents into deliveries in the outbox, and the worker that sends them to the sinks.
 */
@NullMarked
package io.habitus.alert.internal;

import org.jspecify.annotations.NullMarked;
