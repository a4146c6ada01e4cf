/** HTTP API of audits ({@code /api/v1/audits}). */
@NullMarked
package io.habitus.audit.web;

import org.jspecify.annotations.NullMarked;
