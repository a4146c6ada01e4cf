package io.habitus.security.internal;

import io.habitus.security.ApiTokens;
import io.habitus.security.Role;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import io.habitus.shared.web.ProblemResponseWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. {@code /api/**} needs a bearer token: agents ingest (their own events and
 * sensors' exports) and score, analysts read,
 * admins do everything. Health, metrics and the OpenAPI document are open. Everything else is
 * left to Spring MVC, which answers unknown routes with a 404 problem.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String AGENT = Role.AGENT.name();
    private static final String ANALYST = Role.ANALYST.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, ProblemResponseWriter problems)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/events").hasAnyRole(AGENT, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/sensors/*").hasAnyRole(AGENT, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/score").hasAnyRole(AGENT, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/caller").hasAnyRole(AGENT, ANALYST, ADMIN)
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/alerts/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"habitus\"");
                            problems.write(request, response, HabitusProblem.problem(HttpStatus.UNAUTHORIZED,
                                    ProblemType.UNAUTHENTICATED,
                                    "Send a valid token as 'Authorization: Bearer <token>'"));
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HabitusProblem.problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                                        "This token's role may not " + request.getMethod() + " " + request.getRequestURI()))))
                .build();
    }
}
