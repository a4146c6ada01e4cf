/** HTTP API for token management ({@code /api/v1/tokens}), admins only. */
package io.habitus.security.web;
