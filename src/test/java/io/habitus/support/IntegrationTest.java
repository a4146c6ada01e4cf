package io.habitus.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-stack tests: the whole service on a random port against real PostgreSQL
 * ({@link TestDatabase}), called over HTTP the way agents and people call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"habitus.security.admin-token=" + IntegrationTest.ADMIN_TOKEN, "habitus.learning.check-interval=250ms",
            "habitus.model.poll-interval=250ms"})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "test-admin-token";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected Api api() {
        return new Api(port, ADMIN_TOKEN);
    }

    protected Api api(String token) {
        return new Api(port, token);
    }
}
