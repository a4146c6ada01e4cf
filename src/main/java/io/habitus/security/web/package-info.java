/** HTTP API for token management ({@code /api/v1/tokens}), admins only. */
@NullMarked
package io.habitus.security.web;

import org.jspecify.annotations.NullMarked;
