package io.habitus.shared.web;

import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decodes {@code Content-Encoding: gzip} request bodies and enforces the body-size limit on the
 * wire bytes and on the decoded bytes. Tomcat does neither for JSON bodies. A declared
 * {@code Content-Length} over the limit is refused before anything is read. JSON bodies are
 * checked to be strict UTF-8 as they are read ({@link StrictUtf8InputStream}); JSON declared in
 * another charset is refused (RFC 8259: JSON exchanged between systems is UTF-8).
 */
@Component
class RequestBodyFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemResponseWriter problems;

    RequestBodyFilter(HttpLimitsProperties limits, ProblemResponseWriter problems) {
        this.limit = limits.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HabitusProblem.problem(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "request body of " + request.getContentLengthLong() + " bytes exceeds the limit of " + limit));
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        InputStream wire = new LimitedInputStream(request.getInputStream(), limit);
        InputStream decoded;
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            decoded = wire;
        } else if (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip")) {
            decoded = new LimitedInputStream(new LazyGzipInputStream(wire), limit);
        } else {
            problems.write(request, response, HabitusProblem.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding '" + encoding + "' is not supported; use gzip or none"));
            return;
        }
        MediaType json = jsonType(request.getContentType());
        if (json != null) {
            String charset = json.getParameter("charset");
            if (charset != null && !isUtf8(charset)) {
                problems.write(request, response, HabitusProblem.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        ProblemType.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8, not charset " + charset));
                return;
            }
            StrictUtf8InputStream strict = new StrictUtf8InputStream(decoded);
            request.setAttribute(JsonBodies.READER, strict);
            decoded = strict;
        }
        chain.doFilter(new DecodedRequest(request, decoded), response);
    }

    /**
     * The media type if it is JSON ({@code application/json}, {@code application/*+json}, or
     * newline-delimited JSON, {@code application/x-ndjson}, as sensors' shippers send it), else null.
     */
    private static @Nullable MediaType jsonType(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = "application".equalsIgnoreCase(type.getType())
                    && ("json".equalsIgnoreCase(type.getSubtype()) || "json".equalsIgnoreCase(type.getSubtypeSuffix())
                            || "x-ndjson".equalsIgnoreCase(type.getSubtype()));
            return json ? type : null;
        } catch (InvalidMediaTypeException e) {
            return null; // Spring MVC answers 415 for it
        }
    }

    private static boolean isUtf8(String charset) {
        String name = charset.replace("\"", "").trim();
        return name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8");
    }

    /** Reads the gzip header only when the body is first read, so a bad header surfaces as a 400. */
    private static final class LazyGzipInputStream extends InputStream {

        private final InputStream wire;
        private @Nullable GZIPInputStream gzip;

        LazyGzipInputStream(InputStream wire) {
            this.wire = wire;
        }

        private GZIPInputStream gzip() throws IOException {
            if (gzip == null) {
                gzip = new GZIPInputStream(wire, 8192);
            }
            return gzip;
        }

        @Override
        public int read() throws IOException {
            return gzip().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return gzip().read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            wire.close();
        }
    }
}
