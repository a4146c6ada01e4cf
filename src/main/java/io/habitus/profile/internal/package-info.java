/**
 * The insides of profile, hidden from other modules: building, diffing and editing profile
 * versions, their entries and rule sets, window folds and statistics of observations, checksums,
 * learning settings and the supervisor that ends learning windows.
 */
@NullMarked
package io.habitus.profile.internal;

import org.jspecify.annotations.NullMarked;
