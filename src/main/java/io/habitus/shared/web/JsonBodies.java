package io.habitus.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** What {@link RequestBodyFilter} learnt about a request's JSON body while it was read. */
public final class JsonBodies {

    static final String READER = JsonBodies.class.getName() + ".reader";

    private JsonBodies() {
    }

    /**
     * Whether the JSON body read so far held no backslash, so that none of its strings holds a quote, a
     * backslash, a control character, NUL or a UTF-16 surrogate ({@link StrictUtf8InputStream#noBackslash}):
     * such strings need no escaping and no check for what PostgreSQL cannot store. False when the body was not
     * read as JSON.
     */
    public static boolean noEscapes(HttpServletRequest request) {
        return request.getAttribute(READER) instanceof StrictUtf8InputStream body && body.noBackslash();
    }
}
