/** Storage of container states. */
@NullMarked
package io.habitus.behavior.persistence;

import org.jspecify.annotations.NullMarked;
