package io.habitus.image.web;

import io.habitus.image.internal.ImagePage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One page of images, most recently first seen first")
record ImagePageResponse(List<ImageResponse> items, int page, int size, long totalItems) {

    static ImagePageResponse of(ImagePage page) {
        return new ImagePageResponse(page.items().stream().map(ImageResponse::of).toList(), page.page(), page.size(),
                page.totalItems());
    }
}
