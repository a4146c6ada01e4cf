/**
 * Turns runtime events into tokens: the canonical, generalised form of an event (named
 * generalisation rules for dynamic path segments and ephemeral ports, the wide-directory rule,
 * and matching of the resulting path patterns).
 */
@NullMarked
package io.habitus.behavior;

import org.jspecify.annotations.NullMarked;
