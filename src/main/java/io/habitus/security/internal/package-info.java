/**
 * The insides of security, hidden from other modules: the filter chain, the bearer-token filter,
 * token records, secret generation and hashing, and the security settings.
 */
@NullMarked
package io.habitus.security.internal;

import org.jspecify.annotations.NullMarked;
