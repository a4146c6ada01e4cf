/** HTTP API of the pipeline: ingest ({@code POST /api/v1/events}) and synchronous scoring ({@code POST /api/v1/score}). */
@NullMarked
package io.habitus.pipeline.web;

import org.jspecify.annotations.NullMarked;
