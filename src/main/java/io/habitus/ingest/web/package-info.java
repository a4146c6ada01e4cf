/** HTTP API of ingest ({@code POST /api/v1/events}). */
package io.habitus.ingest.web;
