package io.habitus.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing. With an observation registry present it wraps every filter of
 * the chain, and the authentication and authorization steps, in observations of their own: about a
 * tenth of a single-event score call's CPU in a profile (bench/README.md), for spans and timers
 * nobody reads. Requests are still timed as a whole ({@code http.server.requests}), denials still
 * answer 401/403 and count there by status.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
