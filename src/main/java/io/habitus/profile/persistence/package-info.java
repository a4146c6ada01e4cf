/** SQL of the profile module: learning windows, observations, profile versions and heads. */
@NullMarked
package io.habitus.profile.persistence;

import org.jspecify.annotations.NullMarked;
