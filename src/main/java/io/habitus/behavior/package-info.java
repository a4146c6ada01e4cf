/**
 * Turns runtime events into tokens: the canonical, generalised form of an event (named
 * generalisation rules for dynamic path segments and ephemeral ports, the wide-directory rule,
 * and matching of the resulting path patterns).
 * Its API is {@link io.habitus.behavior.ContainerStates}, {@link io.habitus.behavior.TransitionPreview}
 * and {@link io.habitus.behavior.Tokenizer} with the token, state and transition records they return; the
 * rules and the state machinery are in {@code internal}.
 */
@NullMarked
package io.habitus.behavior;

import org.jspecify.annotations.NullMarked;
