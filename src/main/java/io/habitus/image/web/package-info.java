/** HTTP API of the image catalogue ({@code /api/v1/images}). */
@NullMarked
package io.habitus.image.web;

import org.jspecify.annotations.NullMarked;
