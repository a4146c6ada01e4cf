package io.habitus.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * What {@code java -jar target/habitus.jar} prints, instead of a stack trace, when no database is
 * configured. Registered in {@code META-INF/spring.factories}.
 */
class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    static final String DESCRIPTION = """
            No database is configured: SPRING_DATASOURCE_URL is not set. The packaged Habitus carries no \
            embedded PostgreSQL (only the development run, ./mvnw spring-boot:run, starts one).""";

    static final String ACTION = """
            Set SPRING_DATASOURCE_URL to a PostgreSQL 15+ database, with SPRING_DATASOURCE_USERNAME and \
            SPRING_DATASOURCE_PASSWORD, for example:
                SPRING_DATASOURCE_URL=jdbc:postgresql://db.example:5432/habitus \\
                SPRING_DATASOURCE_USERNAME=habitus SPRING_DATASOURCE_PASSWORD=secret java -jar habitus.jar
            Flyway creates the schema on an empty database.""";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return new FailureAnalysis(DESCRIPTION, ACTION, cause);
    }
}
