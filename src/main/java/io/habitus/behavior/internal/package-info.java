/**
 * The insides of behavior, hidden from other modules: the named generalisation rules, path
 * normalising, live container state and its replay, the state tracker and the behavior settings.
 */
@NullMarked
package io.habitus.behavior.internal;

import org.jspecify.annotations.NullMarked;
