package io.habitus.model.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys are stored: they must stay the SHA-256 of each string's UTF-8 plus 0, each part plus 1. */
class SampledTransitionTests {

    private static String reference(List<List<String>> parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (List<String> part : parts) {
            for (String s : part) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update((byte) 1);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
    }

    @Test
    void keysAreTheHashOfTheTransitionsParts() throws Exception {
        List<String> processes = List.of("/usr/sbin/nginx", "/bin/sh");
        List<String> before = List.of("accept tcp/80", "read /etc/nginx/* \u00d7 \ud83d\ude00", "lone \ud800");
        List<String> after = List.of("read /etc/nginx/* \u00d7 \ud83d\ude00", "lone \ud800", "exec /bin/sh <- /usr/sbin/nginx");
        Instant t = Instant.EPOCH;

        assertThat(SampledTransition.of(processes, before, "exec /bin/sh <- /usr/sbin/nginx", processes, after, null, null, t).key())
                .isEqualTo(reference(List.of(processes, before, List.of("exec /bin/sh <- /usr/sbin/nginx"), processes, after)));
        assertThat(SampledTransition.of(processes, before, "exec /bin/sh <- /usr/sbin/nginx", processes, after,
                "/usr/sbin/nginx <- ?", List.of("accept tcp/80"), t).key())
                .isEqualTo(reference(List.of(processes, before, List.of("exec /bin/sh <- /usr/sbin/nginx"), processes, after,
                        List.of("/usr/sbin/nginx <- ?"), List.of("accept tcp/80"))));
    }
}
