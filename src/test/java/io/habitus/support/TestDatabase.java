package io.habitus.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every integration test runs against, chosen in this order: the server named by
 * {@code SPRING_DATASOURCE_URL} in the environment (CI starts one), a Testcontainers PostgreSQL
 * where Docker runs, else an embedded PostgreSQL. One per test JVM, shared by all contexts.
 */
public final class TestDatabase {

    public record Coordinates(String url, String username, String password) {}

    private static Coordinates coordinates;

    private TestDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        Coordinates db = coordinates();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        // Spring keeps every test context alive, each with its pool: idle, a pool holds two connections, not
        // twenty, so that a suite's contexts do not use up the server's connection slots.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
    }

    public static synchronized Coordinates coordinates() {
        if (coordinates == null) {
            coordinates = start();
        }
        return coordinates;
    }

    private static Coordinates start() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return new Coordinates(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD"));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            return new Coordinates(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
