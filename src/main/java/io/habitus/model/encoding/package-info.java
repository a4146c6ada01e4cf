/**
 * Feature hashing for the transition encoder: a stable 32-bit MurmurHash3 and the builders that
 * turn named bags of features into one sparse, signed, hashed vector.
 */
@NullMarked
package io.habitus.model.encoding;

import org.jspecify.annotations.NullMarked;
