/** Bearer tokens, the roles they carry, and the filter chain that demands them on {@code /api/**}. * Its API is the {@link io.habitus.security.ApiTokens} facade, {@link io.habitus.security.Caller},
 * {@link io.habitus.security.Role} and {@link io.habitus.security.TokenScope}; the filter chain is in
 * {@code internal}.
 */
@NullMarked
package io.habitus.security;

import org.jspecify.annotations.NullMarked;
