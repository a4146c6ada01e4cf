package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WideDirectoriesTests {

    private final GeneralisationProperties defaults = GeneralisationProperties.defaults();

    @Test
    void twoHundredCacheFilesCollapseButTwoNginxConfigsDoNot() {
        List<String> paths = new ArrayList<>(IntStream.range(0, 200).mapToObj(i -> "/var/cache/app/entry-" + word(i)).toList());
        paths.add("/etc/nginx/nginx.conf");
        paths.add("/etc/nginx/mime.types");

        List<DirectoryCollapse> found = WideDirectories.find(paths, defaults::thresholdFor);

        assertThat(found).singleElement().satisfies(collapse -> {
            assertThat(collapse.directory()).isEqualTo("/var/cache/app");
            assertThat(collapse.pattern()).isEqualTo("/var/cache/app/**");
            assertThat(collapse.members()).hasSize(200).isSorted().doesNotContain("/etc/nginx/nginx.conf");
        });
    }

    @Test
    void theThresholdIsExceededNotReached() {
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "/srv/data/" + word(i)).toList();
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "/srv/data/" + word(i)).toList();
        assertThat(WideDirectories.find(fifty, defaults::thresholdFor)).isEmpty();
        assertThat(WideDirectories.find(fiftyOne, defaults::thresholdFor)).hasSize(1);
    }

    @Test
    void theOutermostWideDirectoryWinsAndCoversEverythingBelow() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                paths.add("/srv/data/" + word(i) + "/" + word(j) + "/file");
            }
        }
        List<DirectoryCollapse> found = WideDirectories.find(paths, directory -> 3);
        assertThat(found).extracting(DirectoryCollapse::pattern).containsExactly("/srv/data/**");
        assertThat(found.getFirst().members()).hasSize(16);
    }

    @Test
    void theRootAndFirstLevelDirectoriesNeverCollapse() {
        List<String> paths = IntStream.range(0, 100).mapToObj(i -> "/" + word(i)).toList();
        List<String> etc = IntStream.range(0, 100).mapToObj(i -> "/etc/" + word(i)).toList();
        assertThat(WideDirectories.find(paths, directory -> 1)).isEmpty();
        assertThat(WideDirectories.find(etc, directory -> 1)).isEmpty();
    }

    @Test
    void thresholdsArePerPathPrefix() {
        GeneralisationProperties tuned = new GeneralisationProperties(32768, 65535, 50, Map.of("/var/cache/", 20));
        List<String> paths = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> paths.add("/var/cache/app/" + word(i)));
        IntStream.range(0, 30).forEach(i -> paths.add("/srv/app/" + word(i)));

        assertThat(WideDirectories.find(paths, tuned::thresholdFor)).extracting(DirectoryCollapse::directory)
                .containsExactly("/var/cache/app");
    }

    @Test
    void patternsCountAsChildrenAndRelativePathsAreSkipped() {
        List<String> paths = List.of("/srv/x/*/a", "/srv/x/tmp*", "/srv/x/b", "relative/x/a", "relative/x/b");
        assertThat(WideDirectories.find(paths, directory -> 2)).extracting(DirectoryCollapse::pattern)
                .containsExactly("/srv/x/**");
    }

    @Test
    void theOrderIsSortedByDirectory() {
        List<String> paths = new ArrayList<>();
        for (String directory : List.of("/srv/zeta", "/srv2/alpha", "/opt/mid")) {
            IntStream.range(0, 3).forEach(i -> paths.add(directory + "/" + word(i)));
        }
        assertThat(WideDirectories.find(paths, directory -> 2)).extracting(DirectoryCollapse::directory)
                .containsExactly("/opt/mid", "/srv/zeta", "/srv2/alpha");
    }

    /** Distinct names that no per-event rule would generalise. */
    private static String word(int i) {
        StringBuilder name = new StringBuilder();
        int n = i;
        do {
            name.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return name.append("file").toString();
    }
}
