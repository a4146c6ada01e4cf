/** Bearer tokens, the roles they carry, and the filter chain that demands them on {@code /api/**}. */
package io.habitus.security;
