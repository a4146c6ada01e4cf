package io.habitus.shared.database;

/** Start-up without {@code spring.datasource.url} in a build that carries no embedded PostgreSQL. */
class DatabaseNotConfiguredException extends IllegalStateException {

    DatabaseNotConfiguredException() {
        super("No database configured: SPRING_DATASOURCE_URL is not set");
    }
}
