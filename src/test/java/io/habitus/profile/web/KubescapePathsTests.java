package io.habitus.profile.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubescapePathsTests {

    @Test
    void exactPathsStayAsTheyAre() {
        assertThat(KubescapePaths.of("/etc/nginx/nginx.conf")).isEqualTo("/etc/nginx/nginx.conf");
    }

    @Test
    void oneSegmentWildcardsBecomeKubescapesDynamicSegment() {
        assertThat(KubescapePaths.of("/proc/*/status")).isEqualTo("/proc/\u22ef/status");
    }

    @Test
    void wildcardsInsideASegmentWidenToTheWholeSegment() {
        assertThat(KubescapePaths.of("/tmp/tmp*.sock")).isEqualTo("/tmp/\u22ef");
        assertThat(KubescapePaths.of("/var/lib/web_*_*/data")).isEqualTo("/var/lib/\u22ef/data");
    }

    @Test
    void deepWildcardsBecomeKubescapesAnySegments() {
        assertThat(KubescapePaths.of("/var/cache/nginx/**")).isEqualTo("/var/cache/nginx/*");
        assertThat(KubescapePaths.of("/srv/**/index.html")).isEqualTo("/srv/*/index.html");
    }

    @Test
    void imageNamesGiveShortKubernetesNames() {
        assertThat(ExportMetadata.shortName("nginx:1.27")).isEqualTo("nginx");
        assertThat(ExportMetadata.shortName("registry.example:5000/team/Web_App:v2")).isEqualTo("web-app");
        assertThat(ExportMetadata.shortName("ghcr.io/org/api@sha256:abc")).isEqualTo("api");
        assertThat(ExportMetadata.shortName("x/" + "a".repeat(60))).hasSize(40);
        assertThat(ExportMetadata.shortName("___")).isEmpty();
    }
}
