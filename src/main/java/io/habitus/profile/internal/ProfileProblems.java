package io.habitus.profile.internal;

import io.habitus.shared.HabitusProblem;
import io.habitus.shared.NotFoundException;
import io.habitus.shared.ProblemType;
import org.springframework.http.HttpStatus;

/** The ways a profile request can fail, as problem responses. */
public final class ProfileProblems {

    private ProfileProblems() {}

    public static NotFoundException noVersion(Object digest, int version) {
        return new NotFoundException("Image " + digest + " has no profile version " + version);
    }

    public static NotFoundException noProfile(Object digest) {
        return new NotFoundException("Image " + digest + " has no profile yet");
    }

    public static HabitusProblem stale(int version, String etag, String current) {
        return new HabitusProblem(HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED,
                "If-Match " + etag + " does not match version " + version + " (ETag " + current + "); re-read it");
    }

    public static HabitusProblem ifMatchRequired() {
        return new HabitusProblem(HttpStatus.PRECONDITION_REQUIRED, ProblemType.PRECONDITION_FAILED,
                "Editing a profile needs If-Match with the ETag of the version you read");
    }

    public static HabitusProblem notLatest(int version, int latest) {
        return new HabitusProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                "Version " + version + " is not the latest (" + latest + "); edits apply to the latest version only");
    }

    public static HabitusProblem invalidEdit(String detail) {
        return new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, detail);
    }

    public static HabitusProblem conflict(String detail) {
        return new HabitusProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail);
    }
}
