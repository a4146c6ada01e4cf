/** SQL of the profile module: learning windows, observations, profile versions and heads. */
package io.habitus.profile.persistence;
