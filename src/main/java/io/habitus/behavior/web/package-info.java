/** HTTP API of container states ({@code /api/v1/containers/{id}/state}). */
package io.habitus.behavior.web;
