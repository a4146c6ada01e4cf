package io.habitus.model.web;

import io.habitus.model.ModelJobs;
import io.habitus.model.Models;
import io.habitus.model.TrainingJob;
import io.habitus.model.internal.ModelVersion;
import io.habitus.security.Caller;
import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Models", description = "One-class SVM models of an image's transitions: train, read, activate")
@RestController
@RequestMapping("/api/v1/images/{digest}/models")
class ModelController {


    private final Models models;
    private final ModelJobs jobs;

    ModelController(Models models, ModelJobs jobs) {
        this.models = models;
        this.jobs = jobs;
    }

    @Operation(operationId = "listModels", summary = "List model versions",
            description = "Newest first; `active` marks the one that scores.")
    @GetMapping
    List<ModelVersion> list(@PathVariable ImageDigest digest) {
        return models.list(digest);
    }

    @Operation(operationId = "trainModel", summary = "Train a model",
            description = "Queues a training job on the image's current (or last) learning window and answers 202 with "
                    + "the job; training runs in the background and activates the new version. An unfinished job of "
                    + "the image is returned instead of a second one.")
    @ApiResponse(responseCode = "202", description = "The queued (or unfinished) job", headers = @Header(name = "Location", required = true,
            description = "The job's URL", schema = @Schema(type = "string", format = "uri-reference")))
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping
    ResponseEntity<TrainingJob> train(@PathVariable ImageDigest digest,
            @AuthenticationPrincipal Caller caller) {
        TrainingJob job = jobs.request(digest, caller.name());
        return ResponseEntity.accepted().location(URI.create("/api/v1/images/" + digest + "/models/jobs/" + job.id())).body(job);
    }

    @Operation(operationId = "listTrainingJobs", summary = "Recent training jobs")
    @GetMapping("/jobs")
    List<TrainingJob> jobs(@PathVariable ImageDigest digest) {
        return jobs.recent(digest);
    }

    @Operation(operationId = "getTrainingJob", summary = "A training job",
            description = "QUEUED, RUNNING, SUCCEEDED (with the model version) or FAILED (with the error).")
    @GetMapping("/jobs/{id}")
    TrainingJob job(@PathVariable ImageDigest digest,
            @PathVariable long id) {
        return jobs.find(digest, id);
    }

    @Operation(operationId = "getModel", summary = "Read a model version",
            description = "Parameters, threshold, statistics and provenance.")
    @GetMapping("/{version}")
    ModelVersion read(@PathVariable ImageDigest digest,
            @PathVariable @Min(1) int version) {
        return models.get(digest, version);
    }

    @Operation(operationId = "activateModel", summary = "Activate a model version",
            description = "Also a rollback; every replica swaps with its next batch.")
    @PostMapping("/{version}/activate")
    ModelVersion activate(@PathVariable ImageDigest digest,
            @PathVariable @Min(1) int version, @AuthenticationPrincipal Caller caller) {
        return models.activate(digest, version, caller.name());
    }
}
