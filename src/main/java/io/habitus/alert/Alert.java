package io.habitus.alert;

import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Severity;
import io.habitus.shared.Verdict;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one alert says, whatever the sink: kept with each delivery and rendered into the sink's
 * format when sent. Exactly one of {@code audit} and {@code incident} is set.
 *
 * @param type     {@code io.habitus.audit.opened}, {@code io.habitus.incident.opened} or
 *                 {@code io.habitus.incident.severity-raised}
 * @param subject  the resource it is about: {@code audits/17}, {@code incidents/12}
 * @param time     when it happened: the deviating event's time, the incident's last event
 * @param summary  one line for people
 * @param resource where to read more: the API resource, under {@code habitus.alerts.public-url} when set
 */
@Schema(description = "An alert as every sink's payload is made from it; exactly one of audit and incident is set")
public record Alert(
        String type, String subject, Severity severity, Instant time, String summary, String description, Image image,
        Container container, String resource, @Nullable AuditFacts audit, @Nullable IncidentFacts incident) {

    public static final String AUDIT_OPENED = "io.habitus.audit.opened";
    public static final String INCIDENT_OPENED = "io.habitus.incident.opened";
    public static final String INCIDENT_SEVERITY_RAISED = "io.habitus.incident.severity-raised";

    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if ((audit == null) == (incident == null)) {
            throw new IllegalArgumentException("an alert is about one audit or one incident");
        }
    }

    public AlertKind kind() {
        return audit != null ? AlertKind.AUDITS : AlertKind.INCIDENTS;
    }

    /** The image by digest, and by the name its agents reported (may be null). */
    @Schema(name = "AlertImage")
    public record Image(String digest, @Nullable String name) {}

    /** Where it ran, as the agent reported it. */
    @Schema(name = "AlertContainer")
    public record Container(String id, @Nullable String node, @Nullable String namespace, @Nullable String pod,
            @Nullable String cluster) {}

    /** The deviation: the rule it broke, why, and the versions that judged it. */
    @Schema(name = "AlertAuditFacts")
    public record AuditFacts(long id, Verdict verdict, String ruleKind, String ruleValue, @Nullable String rawValue,
            String reason, int profileVersion, @Nullable Integer modelVersion, @Nullable Double score,
            @Nullable Double threshold) {}

    /** The incident: what changed (OPENED, SEVERITY_RAISED), how strong its evidence is, and what added to it last. */
    @Schema(name = "AlertIncidentFacts")
    public record IncidentFacts(long id, String change, @Nullable Severity previousSeverity, double risk, long events,
            long novelEvents, boolean violation, @Nullable IncidentTrigger openedBy, @Nullable String latestToken,
            @Nullable String latestSequence, Instant openedAt) {}
}
