package io.habitus.shared.web;

import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The opaque cursor of a page listed newest first by id: the next page starts before the last id
 * shown. One codec for every cursor-paged list (audits, incidents), so clients see one format.
 */
public final class PageCursor {

    private static final String PREFIX = "before:";

    private PageCursor() {
    }

    public static String before(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor points before; null for no cursor; a 400 problem for one this API did not hand out. */
    public static @Nullable Long idBefore(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "cursor is not one this API handed out");
        }
    }
}
