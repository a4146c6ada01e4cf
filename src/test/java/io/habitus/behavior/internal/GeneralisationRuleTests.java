package io.habitus.behavior.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.behavior.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each path rule by name, with the examples docs/generalisation.md shows. */
class GeneralisationRuleTests {

    private static final ContainerNames NGINX = ContainerNames.of(Events.CONTAINER_ID, Events.POD);

    @Test
    void theRulesHaveStableNamesAndAFixedOrder() {
        assertThat(GeneralisationRule.values()).extracting(GeneralisationRule::ruleName)
                .containsExactly("container-id", "uuid", "hex-id", "numeric", "random-name", "ephemeral-port");
        assertThat(GeneralisationRule.pathRules()).containsExactly(GeneralisationRule.CONTAINER_ID,
                GeneralisationRule.UUID, GeneralisationRule.HEX_ID, GeneralisationRule.NUMERIC, GeneralisationRule.RANDOM_NAME);
        assertThat(GeneralisationRule.values()).allSatisfy(rule -> assertThat(rule.description()).isNotBlank());
    }

    @Test
    void everyRuleIsDocumentedUnderItsName() throws IOException {
        String docs = Files.readString(Path.of("docs/generalisation.md"));
        assertThat(GeneralisationRule.values()).allSatisfy(rule -> assertThat(docs).contains("`" + rule.ruleName() + "`"));
    }

    @ParameterizedTest(name = "container-id: {0} -> {1}")
    @CsvSource({
            "/var/log/pods/web_nginx-7d9f8b6c5-x2k9p_0/nginx/0.log, /var/log/pods/web_*_0/nginx/0.log",
            "/run/containerd/3f9c2a7d5e1b.pid, /run/containerd/*.pid",
            "/etc/hostname-nginx-7d9f8b6c5-x2k9p, /etc/hostname-*",
            "/srv/nginx-7d9f8b6c5-x2k9pz/a, /srv/nginx-*-x2k9pz/a"})
    void theContainersOwnIdAndPodNameBecomeAWildcard(String path, String expected) {
        assertThat(PathGeneraliser.generalise(path, NGINX)).isEqualTo(expected);
    }

    @Test
    void aPodNameWithoutADashIsStableAndStays() {
        assertThat(PathGeneraliser.generalise("/app/config.yaml", ContainerNames.of("c1", "app")))
                .isEqualTo("/app/config.yaml");
    }

    @ParameterizedTest(name = "uuid: {0} -> {1}")
    @CsvSource({
            "/var/lib/kubelet/pods/0f8fad5b-d9cb-469f-a165-70867728950e/volumes, /var/lib/kubelet/pods/*/volumes",
            "/sys/fs/cgroup/kubepods-pod0f8fad5b_d9cb_469f_a165_70867728950e.slice, /sys/fs/cgroup/kubepods-pod*.slice",
            "/tmp/upload-0F8FAD5B-D9CB-469F-A165-70867728950E.part, /tmp/upload-*.part"})
    void uuidsBecomeAWildcard(String path, String expected) {
        assertThat(PathGeneraliser.generalise(path, ContainerNames.NONE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "hex-id: {0} -> {1}")
    @CsvSource({
            "/var/lib/docker/overlay2/9e4b1f0c2d3a4b5c6d7e8f90/merged, /var/lib/docker/overlay2/*/merged",
            "/app/static/main.3f9a1c2b7d4e.js, /app/static/main.*.js",
            "/usr/lib/libstd-8f3b2c1d0e9a7b6c.so, /usr/lib/libstd-*.so",
            "/opt/deadbeefcafe/x, /opt/deadbeefcafe/x",
            "/opt/cafe12/x, /opt/cafe12/x"})
    void longHexIdsWithADigitBecomeAWildcard(String path, String expected) {
        assertThat(PathGeneraliser.generalise(path, ContainerNames.NONE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "numeric: {0} -> {1}")
    @CsvSource({
            "/proc/1234/stat, /proc/*/stat",
            "/proc/1/task/87/status, /proc/*/task/*/status",
            "/run/user/1000/bus, /run/user/*/bus",
            "/var/log/app/app-2026-11-28.log, /var/log/app/app-*.log",
            "/var/log/app/2026-11-28, /var/log/app/*",
            "/etc/config/..2026_11_28_10_00_00.123456789/app.yaml, /etc/config/..*/app.yaml",
            "/tmp/core.12345, /tmp/core.*",
            "/tmp/go-build1234567890/b001/exe/main, /tmp/go-build*/b001/exe/main",
            "/tmp/app8412365570123.tmp, /tmp/app*.tmp"})
    void dynamicNumbersBecomeAWildcard(String path, String expected) {
        assertThat(PathGeneraliser.generalise(path, ContainerNames.NONE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "random-name: {0} -> {1}")
    @CsvSource({
            "/tmp/tmpa8f3kq, /tmp/tmp*",
            "/tmp/tmpzm_xketj, /tmp/tmp*",
            "/tmp/tmpxufwlugc, /tmp/tmp*",
            "/tmp/tmpy8_6mvu3_h.png, /tmp/tmp*_h.png",
            "/dev/shm/wgunicorn-zw0wdjy5, /dev/shm/wgunicorn-*",
            "/dev/shm/wgunicorn-ztryh_h8, /dev/shm/wgunicorn-*",
            "/dev/shm/wgunicorn-nbmscw_h, /dev/shm/wgunicorn-*",
            "/dev/shm/wgunicorn-abrizhri, /dev/shm/wgunicorn-*",
            "/var/tmp/upload-qwertyui, /var/tmp/upload-*",
            "/tmp/build/cache-zxcvbnml.lock, /tmp/build/cache-zxcvbnml.lock",
            "/var/lib/postgresql/data/base/pgsql_tmp/pgsql_tmp12.2, /var/lib/postgresql/data/base/pgsql_tmp/pgsql_tmp*",
            "/tmp/tmpk2jdhxq7.json, /tmp/tmp*.json",
            "/tmp/tmp.Xk2LmQ9zPa, /tmp/tmp.*",
            "/tmp/tmp.XkqLmQpzPa, /tmp/tmp.*",
            "/tmp/phpA1b2C3, /tmp/php*",
            "/var/lib/php/sessions/sess_8f3k2l9d0q, /var/lib/php/sessions/sess_*",
            "/data/.nfs000000012b3, /data/.nfs*",
            "/srv/replica-7d9f8b6c5/x, /srv/replica-*/x",
            "/keys/AKIA3Z9QW2ER7TY8UI4OPLKJ, /keys/*"})
    void randomLookingNamesBecomeAWildcardKeepingTheirStablePrefix(String path, String expected) {
        assertThat(PathGeneraliser.generalise(path, ContainerNames.NONE)).isEqualTo(expected);
    }

    @Test
    void aPythonTempNameEndingInAWildcardIsNotTakenForANameAgain() {
        String once = PathGeneraliser.generalise("/etcetc.tmpaaaa_tmpaaaaa0", ContainerNames.NONE);
        assertThat(once).isEqualTo("/etcetc.tmpaaaa_tmp*");
        assertThat(PathGeneraliser.generalise(once, ContainerNames.NONE)).isEqualTo(once);
    }

    @Test
    void aNameAlreadyGeneralisedAfterAPrefixStaysAsItIs() {
        String once = PathGeneraliser.generalise("/etc-2026_tmpaaaaa0/", ContainerNames.NONE);
        assertThat(once).isEqualTo("/etc-2026_tmp*");
        assertThat(PathGeneraliser.generalise(once, ContainerNames.NONE)).isEqualTo(once);
    }

    @ParameterizedTest(name = "stays: {0}")
    @ValueSource(strings = {
            "/etc/nginx/nginx.conf", "/var/cache/nginx/client_body_temp", "/usr/lib/x86_64-linux-gnu/libssl.so.3",
            "/usr/lib/python3.11/site-packages/six.py", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0",
            "/usr/bin/python3.11", "/usr/lib64/ld-linux-x86-64.so.2", "/etc/php/8.2/fpm/php.ini",
            "/usr/share/mysql/charsets/utf8mb4.xml", "/usr/lib/ssl/x509v3.cnf", "/usr/lib/libv4l2rds.so.0",
            "/usr/bin/sha256sum", "/usr/share/i18n/charmaps/ISO-8859-1.gz", "/usr/lib/python3.11/encodings/cp1252.py",
            "/usr/share/phpMyAdmin/index.php", "/usr/lib/tmpfiles.d/nginx.conf", "/usr/share/templates/a.html",
            "/usr/lib/libQt5WebEngineCore.so.5", "/usr/lib/libx264.so.164", "/tmp/tmp_files/readme",
            "/etc/ssl/certs/ca-certificates.crt", "/usr/share/doc/python3-requests/copyright", "/opt/app-v2release/x",
            "/usr/lib/node-modules/base-64xxxxxx.js", "/usr/share/zoneinfo/Etc/GMT+10", "/opt/mssql-2019/x",
            "/usr/lib/jvm/java-21-openjdk-amd64/lib/server/libjvm.so", "/opt/app-settings/x", "/etc/app-settings",
            "/var/lib/app-settings", "/tmpdir/app-settings"})
    void versionsArchitecturesAndWordsStay(String path) {
        assertThat(PathGeneraliser.generalise(path, NGINX)).isEqualTo(path);
    }

    @Test
    void neighbouringWildcardsFromTwoRulesAreWrittenOnce() {
        assertThat(PathGeneraliser.generalise("/tmp/a1b2c3d4e5f6g1234567", ContainerNames.NONE)).isEqualTo("/tmp/*");
    }

    @Test
    void wildcardsAlreadyThereAreKept() {
        assertThat(PathGeneraliser.generalise("/var/cache/app/**", NGINX)).isEqualTo("/var/cache/app/**");
        assertThat(PathGeneraliser.generalise("/proc/*/stat", NGINX)).isEqualTo("/proc/*/stat");
        assertThat(PathGeneraliser.generalise("/tmp/tmp*", NGINX)).isEqualTo("/tmp/tmp*");
    }
}
