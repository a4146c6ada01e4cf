package io.habitus.image.web;

import io.habitus.image.Images;
import io.habitus.image.internal.ImageStatus;
import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Images", description = "Container images Habitus has seen, their status and containers")
@RestController
@RequestMapping("/api/v1/images")
class ImageController {

    private final Images images;

    ImageController(Images images) {
        this.images = images;
    }

    @Operation(operationId = "listImages", summary = "List images",
            description = "Images, most recently first seen first, optionally filtered by status.")
    @GetMapping
    ImagePageResponse list(
            @Parameter(description = "Only images in this status") @RequestParam(required = false) @Nullable ImageStatus status,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @Parameter(description = "Page size") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return ImagePageResponse.of(images.list(status, page, size));
    }

    @Operation(operationId = "getImage", summary = "Read an image",
            description = "Status, names, nodes, event counts per type and recent containers.")
    @GetMapping("/{digest}")
    ImageDetailsResponse read(
            @Parameter(description = "Image digest", example = "sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d")
            @PathVariable ImageDigest digest) {
        return ImageDetailsResponse.of(images.find(digest));
    }
}
