package io.habitus.support;

import io.habitus.shared.web.HttpLimitsProperties;
import io.habitus.shared.web.ProblemResponseWriter;
import io.micrometer.tracing.Tracer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice needs besides the controller: the shared web plumbing (exception
 * handler, body filter, digest converter) is picked up by the slice, but its limits and problem
 * writer are not web components, and the trace-response filter needs a tracer (a no-op one here:
 * the slice starts no tracing).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsProperties.class)
@Import(ProblemResponseWriter.class)
public class WebSlice {

    @Bean
    Tracer tracer() {
        return Tracer.NOOP;
    }
}
