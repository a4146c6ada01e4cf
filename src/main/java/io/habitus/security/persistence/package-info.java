/** Storage of hashed API tokens. */
@NullMarked
package io.habitus.security.persistence;

import org.jspecify.annotations.NullMarked;
