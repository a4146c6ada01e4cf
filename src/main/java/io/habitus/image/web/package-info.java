/** HTTP API of the image catalogue ({@code /api/v1/images}). */
package io.habitus.image.web;
