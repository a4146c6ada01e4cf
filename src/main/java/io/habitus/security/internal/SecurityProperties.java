package io.habitus.security.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminToken the first admin's bearer token, from {@code HABITUS_ADMIN_TOKEN}; empty
 *     disables it, leaving only tokens stored in the database
 * @param tokenCacheTtl how long a verified token is trusted without asking the database again;
 *     a revocation reaches other replicas within this time
 */
@Validated
@ConfigurationProperties("habitus.security")
public record SecurityProperties(
        @DefaultValue("") String adminToken,
        @NotNull @DefaultValue("30s") Duration tokenCacheTtl) {}
