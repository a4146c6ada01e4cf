package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathPatternTests {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/proc/*/stat, /proc/1234/stat, true",
            "/proc/*/stat, /proc/1/2/stat, false",
            "/proc/*/stat, /proc/stat, false",
            "/var/cache/app/**, /var/cache/app/a, true",
            "/var/cache/app/**, /var/cache/app/a/b/c, true",
            "/var/cache/app/**, /var/cache/app, false",
            "/var/cache/app/**, /var/cache/application/a, false",
            "/a/**/z, /a/b/z, true",
            "/a/**/z, /a/b/c/d/z, true",
            "/a/**/z, /a/z, false",
            "/a/**/z, /a/b/z/y, false",
            "/a/**/*/z, /a/b/c/z, true",
            "/a/**/**, /a/b, false",
            "/tmp/tmp*, /tmp/tmpa8f3kq, true",
            "/tmp/tmp*, /tmp/tmp, true",
            "/tmp/tmp*, /tmp/x/tmpa, false",
            "/var/log/pods/web_*_*/x, /var/log/pods/web_nginx-7d9f_0f8f/x, true",
            "/var/log/pods/web_*_*/x, /var/log/pods/web_nginx/x, false",
            "/etc/nginx/nginx.conf, /etc/nginx/nginx.conf, true",
            "/etc/nginx/nginx.conf, /etc/nginx/nginx.confx, false",
            "/, /, true",
            "/*, /etc, true",
            "tmp/*, tmp/a, true",
            "tmp/*, /tmp/a, false",
            "/tmp/*, tmp/a, false"})
    void wildcardsMatchWholeSegmentsOrRunsInsideOne(String pattern, String path, boolean expected) {
        assertThat(PathPattern.matches(pattern, path)).isEqualTo(expected);
        assertThat(PathPattern.compile(pattern).matches(path)).isEqualTo(expected);
    }

    @Test
    void aPatternIsAValueWithAWildcard() {
        assertThat(PathPattern.isPattern("/proc/*/stat")).isTrue();
        assertThat(PathPattern.isPattern("/tmp/tmp*")).isTrue();
        assertThat(PathPattern.isPattern("/etc/hosts")).isFalse();
    }

    @Test
    void aCompiledPatternKeepsItsText() {
        assertThat(PathPattern.compile("/a/**").pattern()).isEqualTo("/a/**");
        assertThat(PathPattern.compile("/a/**")).isEqualTo(PathPattern.compile("/a/**")).hasToString("/a/**");
    }

    @Test
    void manyDoubleWildcardsStayLinear() {
        String pattern = "/**/**/**/**/**/**/**/**/**/**/**/**/x";
        String path = "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/y";
        assertThat(PathPattern.matches(pattern, path)).isFalse();
    }
}
