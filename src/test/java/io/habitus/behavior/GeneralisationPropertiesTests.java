package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/** Thresholds per path prefix, and how Spring binds map keys that contain slashes. */
class GeneralisationPropertiesTests {

    @Test
    void nothingConfiguredGivesTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(GeneralisationProperties.defaults());
        assertThat(GeneralisationProperties.defaults().thresholdFor("/var/cache/app")).isEqualTo(50);
    }

    @Test
    void theLongestMatchingPrefixWins() {
        GeneralisationProperties properties = new GeneralisationProperties(32768, 65535, 50,
                Map.of("/var/", 100, "/var/cache/", 20, "/var/cache/nginx", 5));

        assertThat(properties.thresholdFor("/var/lib/app")).isEqualTo(100);
        assertThat(properties.thresholdFor("/var/cache")).isEqualTo(20);
        assertThat(properties.thresholdFor("/var/cache/app")).isEqualTo(20);
        assertThat(properties.thresholdFor("/var/cache/nginx/proxy")).isEqualTo(5);
        assertThat(properties.thresholdFor("/var/cache/nginxy")).isEqualTo(20);
        assertThat(properties.thresholdFor("/srv")).isEqualTo(50);
    }

    @Test
    void bracketedKeysKeepTheirSlashesInProperties() {
        GeneralisationProperties properties = bind(Map.of("habitus.generalisation.directory-thresholds.[/var/cache/]", "20"));
        assertThat(properties.directoryThresholds()).containsExactly(Map.entry("/var/cache/", 20));
    }

    @Test
    void bracketedKeysKeepTheirSlashesInYaml() throws IOException {
        String yaml = """
                habitus:
                  generalisation:
                    directory-children-threshold: 40
                    directory-thresholds:
                      "[/var/cache/]": 20
                      "[/proc/]": 1000
                """;
        PropertySource<?> source = new YamlPropertySourceLoader()
                .load("test", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8))).getFirst();

        GeneralisationProperties properties = bind(source);

        assertThat(properties.directoryChildrenThreshold()).isEqualTo(40);
        assertThat(properties.directoryThresholds()).containsOnly(Map.entry("/var/cache/", 20), Map.entry("/proc/", 1000));
    }

    @Test
    void keysWithoutBracketsLoseTheirSlashesAndAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("habitus.generalisation.directory-thresholds./var/cache/", "20")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("[/var/cache/]");
    }

    @Test
    void anEnvironmentVariableCannotNameAPrefix() {
        assertThatThrownBy(() -> bind(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("HABITUS_GENERALISATION_DIRECTORYTHRESHOLDS_VAR_CACHE", "20"))))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("'var.cache'");
    }

    @Test
    void springApplicationJsonCanWithBracketsInTheKey() {
        GeneralisationProperties properties = bindJson(
                "{\"habitus\":{\"generalisation\":{\"directory-thresholds\":{\"[/var/cache/]\":20}}}}",
                Map.of("HABITUS_GENERALISATION_DIRECTORYCHILDRENTHRESHOLD", "30"));

        assertThat(properties.directoryChildrenThreshold()).isEqualTo(30);
        assertThat(properties.directoryThresholds()).containsExactly(Map.entry("/var/cache/", 20));
        assertThatThrownBy(() -> bindJson("{\"habitus\":{\"generalisation\":{\"directory-thresholds\":{\"/var/cache/\":20}}}}",
                Map.of())).isInstanceOf(BindException.class).rootCause().hasMessageContaining("'varcache'");
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThatThrownBy(() -> new GeneralisationProperties(60000, 40000, 50, Map.of()))
                .hasMessageContaining("ephemeral-port-from");
        assertThatThrownBy(() -> new GeneralisationProperties(32768, 65535, 50, Map.of("/var/cache/", 0)))
                .hasMessageContaining("at least 1");
    }

    @Test
    void theEphemeralRangeIsInclusive() {
        GeneralisationProperties properties = GeneralisationProperties.defaults();
        assertThat(properties.isEphemeral(32768)).isTrue();
        assertThat(properties.isEphemeral(65535)).isTrue();
        assertThat(properties.isEphemeral(32767)).isFalse();
    }

    private static GeneralisationProperties bindJson(String json, Map<String, Object> otherVariables) {
        Map<String, Object> variables = new HashMap<>(otherVariables);
        variables.put("SPRING_APPLICATION_JSON", json);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("habitus.generalisation", Bindable.of(GeneralisationProperties.class));
    }

    private static GeneralisationProperties bind(Map<String, Object> properties) {
        return bind(new MapPropertySource("test", properties));
    }

    private static GeneralisationProperties bind(PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        return Binder.get(environment).bindOrCreate("habitus.generalisation", Bindable.of(GeneralisationProperties.class));
    }
}
