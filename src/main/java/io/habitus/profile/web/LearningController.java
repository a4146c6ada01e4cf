package io.habitus.profile.web;

import io.habitus.profile.Learning;
import io.habitus.profile.internal.LearningSettings;
import io.habitus.security.Caller;
import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Learning", description = "An image's learning window: progress, finish now, configure, relearn")
@RestController
@RequestMapping("/api/v1/images/{digest}/learning")
class LearningController {

    private final Learning learning;

    LearningController(Learning learning) {
        this.learning = learning;
    }

    @Operation(operationId = "getLearning", summary = "Learning progress")
    @GetMapping
    LearningResponse progress(@PathVariable ImageDigest digest) {
        return LearningResponse.of(learning.progress(digest));
    }

    @Operation(operationId = "changeLearning", summary = "Finish, configure or restart learning",
            description = "FINISH builds and activates a profile from the open window now; CONFIGURE sets this image's "
                    + "targets; RELEARN opens a new window while the active profile keeps judging. 409 when the "
                    + "action does not fit the image's state (e.g. FINISH without an open window).")
    @ApiResponse(responseCode = "200", description = "The learning progress after the action")
    @ApiResponse(responseCode = "409", description = "FINISH without an open learning window, or RELEARN while one is open")
    @PostMapping
    LearningResponse act(@PathVariable ImageDigest digest,
            @Valid @RequestBody LearningRequest request, @AuthenticationPrincipal Caller caller) {
        ImageDigest image = digest;
        return LearningResponse.of(switch (request.action()) {
            case FINISH -> learning.finishNow(image, caller.name());
            case CONFIGURE -> learning.configure(image, new LearningSettings(request.window(), request.stability(),
                    request.minEvents(), request.minContainers()));
            case RELEARN -> learning.relearn(image, caller.name());
        });
    }
}
