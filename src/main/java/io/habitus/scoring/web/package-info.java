/** HTTP API of synchronous scoring ({@code /api/v1/score}). */
package io.habitus.scoring.web;
