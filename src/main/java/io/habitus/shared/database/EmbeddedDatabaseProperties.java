package io.habitus.shared.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 */
@Validated
@ConfigurationProperties("habitus.embedded-database")
public record EmbeddedDatabaseProperties(
        @NotNull @DefaultValue("./.habitus/pgdata") Path dataDirectory,
        @Min(0) @Max(65535) @DefaultValue("0") int port) {}
