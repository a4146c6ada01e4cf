/**
 * The catalogue of images and their containers: which digests exist, their status, the names and
 * tags they were seen under, their containers and nodes, and how many events they produced.
 * Its API is the {@link io.habitus.image.Images} facade and {@link io.habitus.image.EventSighting};
 * the rest is in {@code internal}.
 */
@NullMarked
package io.habitus.image;

import org.jspecify.annotations.NullMarked;
