package io.habitus.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the {@code @ApplicationModuleTest}s: one module (and, where it says so, the modules it
 * depends on) bootstrapped alone against the real PostgreSQL of {@link TestDatabase}.
 */
public abstract class ModuleIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
