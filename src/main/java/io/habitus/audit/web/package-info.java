/** HTTP API of audits ({@code /api/v1/audits}). */
package io.habitus.audit.web;
