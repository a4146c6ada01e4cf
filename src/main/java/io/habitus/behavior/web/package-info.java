/** HTTP API of container states ({@code /api/v1/containers/{id}/state}). */
@NullMarked
package io.habitus.behavior.web;

import org.jspecify.annotations.NullMarked;
