package io.habitus.shared;

import java.net.URI;

/**
 * The stable {@code type} URIs of Habitus's problem responses (RFC 9457). Clients may switch on
 * them; titles and details are for people and may change.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is malformed or breaks a constraint"),
    INVALID_EVENTS("invalid-events", "No event of the batch is valid"),
    NOT_FOUND("not-found", "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", "The resource does not support this method"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The body's media type or encoding is not supported"),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request exceeds a configured limit"),
    UNAUTHENTICATED("unauthenticated", "A valid bearer token is required"),
    FORBIDDEN("forbidden", "The token's role does not allow this"),
    CONFLICT("conflict", "The request conflicts with the current state"),
    PRECONDITION_FAILED("precondition-failed", "The resource changed since it was read"),
    UNAVAILABLE("unavailable", "The database is unreachable; retry later"),
    INTERNAL("internal", "Unexpected server error");

    private static final String BASE = "https://habitus.io/problems/";

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
