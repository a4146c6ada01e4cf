package io.habitus.image.internal;

import java.util.List;

/** One page of images, newest first. */
public record ImagePage(List<ImageSummary> items, int page, int size, long totalItems) {}
