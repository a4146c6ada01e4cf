package io.habitus.shared;

import java.net.URI;

/**
 * The stable {@code type} URIs of Habitus's problem responses (RFC 9457). Clients may switch on
 * them; titles and details are for people and may change.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is malformed or breaks a constraint"),
    INVALID_EVENTS("invalid-events", "Events of the request are invalid"),
    NOT_FOUND("not-found", "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", "The resource does not support this method"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The body's media type or encoding is not supported"),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request exceeds a configured limit"),
    UNAUTHENTICATED("unauthenticated", "A valid bearer token is required"),
    FORBIDDEN("forbidden", "The token's role does not allow this"),
    CONFLICT("conflict", "The request conflicts with the current state"),
    PRECONDITION_FAILED("precondition-failed", "The resource changed since it was read"),
    UNAVAILABLE("unavailable", "Temporarily unavailable (the database is unreachable or the data is busy); retry later"),
    INTERNAL("internal", "Unexpected server error");

    private static final String BASE = "https://habitus.io/problems/";

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    /** The type of a problem with this HTTP status: the generic one for a client or server error otherwise. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412, 428 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : INVALID_REQUEST;
        };
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
