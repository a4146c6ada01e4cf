/** Bearer tokens, the roles they carry, and the filter chain that demands them on {@code /api/**}. */
@NullMarked
package io.habitus.security;

import org.jspecify.annotations.NullMarked;
