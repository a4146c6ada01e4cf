package io.habitus.sensor.web;

import io.habitus.shared.FieldError;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import io.habitus.shared.Sha256;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The idempotency key of a sensor's delivery: the {@code Idempotency-Key} header when the shipper
 * sends one, else {@code sha256:} and the SHA-256 of the decoded body. Shippers (Vector, Fluent Bit,
 * Falcosidekick) resend a failed request byte for byte but cannot name a batch, so the body's hash
 * identifies a retry; two distinct deliveries never share a body because every sensor event carries
 * its own nanosecond time and process.
 */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {
    }

    static String of(@Nullable String header, byte[] body) {
        if (header == null) {
            return "sha256:" + Sha256.hex(body);
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            HabitusProblem problem = new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "The Idempotency-Key header must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces");
            problem.getBody().setProperty("errors", List.of(new FieldError(null, "Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces")));
            throw problem;
        }
        return header;
    }
}
