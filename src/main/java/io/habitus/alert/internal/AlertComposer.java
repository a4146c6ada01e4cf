package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.Alert;
import io.habitus.audit.OpenedAudit;
import io.habitus.incident.IncidentRaised;
import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Severity;
import io.habitus.shared.Verdict;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Words the facts of a new audit or a raised incident as an {@link Alert}. */
@Component
public class AlertComposer {

    private final AlertProperties properties;

    AlertComposer(AlertProperties properties) {
        this.properties = properties;
    }

    public Alert of(OpenedAudit a) {
        Alert.Image image = new Alert.Image(a.digest(), a.imageName());
        String token = a.ruleKind().equals("TRANSITION") ? a.ruleValue() : a.ruleKind().toLowerCase(Locale.ROOT) + " " + a.ruleValue();
        String summary = a.verdict() + " in " + imageLabel(image) + ", container " + a.containerId() + ": " + token;
        String description = a.reason() + " (profile version " + a.profileVersion()
                + (a.modelVersion() == null ? "" : ", model version " + a.modelVersion()) + ")" + where(a.namespace(), a.pod(), a.node());
        return new Alert(Alert.AUDIT_OPENED, "audits/" + a.id(), severity(a.verdict()), a.time(), summary, description, image,
                new Alert.Container(a.containerId(), a.node(), a.namespace(), a.pod(), a.cluster()), link("audits/" + a.id()),
                new Alert.AuditFacts(a.id(), a.verdict(), a.ruleKind(), a.ruleValue(), a.rawValue(), a.reason(),
                        a.profileVersion(), a.modelVersion(), a.score(), a.threshold()),
                null);
    }

    public Alert of(IncidentRaised i) {
        Alert.Image image = new Alert.Image(i.digest(), i.imageName());
        boolean opened = i.change() == IncidentRaised.Change.OPENED;
        String summary = "Incident " + i.id() + (opened ? " opened (" + i.severity() + ")"
                : " raised from " + i.previousSeverity() + " to " + i.severity()) + " in " + imageLabel(image)
                + ", container " + i.containerId();
        String description = String.format(Locale.ROOT, "risk %.2f after %d events (%d novel)%s%s%s%s", i.risk(), i.events(),
                i.novelEvents(), openedBy(i.openedBy()), i.violation() ? ", a profile rule was broken" : "",
                i.latestSequence() != null ? "; latest: " + i.latestSequence()
                        : i.latestToken() != null ? "; latest: " + i.latestToken() : "",
                where(i.namespace(), i.pod(), i.node()));
        return new Alert(opened ? Alert.INCIDENT_OPENED : Alert.INCIDENT_SEVERITY_RAISED, "incidents/" + i.id(), i.severity(),
                i.lastEventAt(), summary, description, image,
                new Alert.Container(i.containerId(), i.node(), i.namespace(), i.pod(), i.cluster()), link("incidents/" + i.id()),
                null, new Alert.IncidentFacts(i.id(), i.change().name(), i.previousSeverity(), i.risk(), i.events(),
                        i.novelEvents(), i.violation(), i.openedBy(), i.latestToken(), i.latestSequence(), i.openedAt()));
    }

    /** What opened the incident, as a person reads it (nothing when its severity rose). */
    private static String openedBy(@Nullable IncidentTrigger trigger) {
        if (trigger == null) {
            return "";
        }
        return ", opened by " + switch (trigger) {
            case BROKEN_RULE -> "a broken profile rule";
            case NEW_ACTION -> "a process doing what its kind never did while learning";
            case SEQUENCES -> "novel sequences";
            case MIX -> "an unusual behaviour mix";
            case RARITY -> "rare sequences";
            case MODEL -> "the model's anomalous transitions";
        };
    }

    /** A new audit's severity: a broken rule is HIGH, an unusual transition inside the rules MEDIUM. */
    static Severity severity(Verdict verdict) {
        return verdict == Verdict.VIOLATION ? Severity.HIGH : Severity.MEDIUM;
    }

    private String link(String path) {
        String resource = "/api/v1/" + path;
        if (properties.publicUrl() == null) {
            return resource;
        }
        String base = properties.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + resource;
    }

    private static String imageLabel(Alert.Image image) {
        return image.name() != null ? image.name() + " (" + shortDigest(image.digest()) + ")" : shortDigest(image.digest());
    }

    private static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) : digest;
    }

    private static String where(String namespace, String pod, String node) {
        StringBuilder where = new StringBuilder();
        if (namespace != null || pod != null) {
            where.append("; pod ").append(namespace == null ? "" : namespace + "/").append(pod == null ? "?" : pod);
        }
        if (node != null) {
            where.append(" on node ").append(node);
        }
        return where.toString();
    }
}
