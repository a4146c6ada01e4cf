package io.habitus.audit;

import io.habitus.audit.internal.Audit;
import io.habitus.audit.internal.AuditFilter;
import io.habitus.audit.internal.AuditPage;
import io.habitus.audit.internal.AuditStatus;
import io.habitus.audit.internal.AuditTransition;
import io.habitus.audit.persistence.AuditStore;
import io.habitus.behavior.TokenKind;
import io.habitus.model.ActorState;
import io.habitus.model.ContainerState;
import io.habitus.model.ModelJobs;
import io.habitus.model.Transition;
import io.habitus.profile.Profile;
import io.habitus.profile.Profiles;
import io.habitus.profile.RuleRef;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.shared.ProblemType;
import io.habitus.shared.web.PageCursor;
import io.habitus.shared.Verdict;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading audits, and accepting one as normal ("this was fine"). */
@Service
public class Audits {


    private final AuditStore store;
    private final Profiles profiles;
    private final ModelJobs modelJobs;
    private final Clock clock;

    Audits(AuditStore store, Profiles profiles, ModelJobs modelJobs, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.modelJobs = modelJobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AuditPage list(AuditFilter filter, @Nullable String cursor, int limit) {
        List<Audit> found = store.find(filter, PageCursor.idBefore(cursor), limit + 1);
        List<Audit> page = found.size() > limit ? found.subList(0, limit) : found;
        String next = found.size() > limit ? PageCursor.before(page.getLast().id()) : null;
        return new AuditPage(List.copyOf(page), next);
    }

    @Transactional(readOnly = true)
    public Audit get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("No audit with id " + id));
    }

    /**
     * Accepts an audit as normal: its rule joins the image's active profile (a new, active
     * version) and the audit is resolved. Allowing it twice is a conflict.
     */
    @Transactional
    public Audit allow(long id, String by, @Nullable String reason) {
        Audit audit = store.lock(id).orElseThrow(() -> new NotFoundException("No audit with id " + id));
        if (audit.status() == AuditStatus.ALLOWED) {
            throw new HabitusProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Audit " + id + " was already allowed by " + audit.resolvedBy());
        }
        ImageDigest digest = new ImageDigest(audit.digest());
        Integer allowedIn = null;
        if (audit.verdict() == Verdict.VIOLATION) {
            Profile profile = profiles.allow(digest, new RuleRef(TokenKind.valueOf(audit.ruleKind()), audit.ruleValue()),
                    by, reason == null || reason.isBlank() ? "allowed audit " + id : reason);
            allowedIn = profile.version().version();
        }
        // The moment joins the next model's sample too, or the model would keep flagging what
        // people now call normal. (Audits older than the transition column have none to give.)
        if (audit.transition() != null) {
            modelJobs.learnAllowed(digest, transition(audit.transition()), audit.firstSeen(), audit.occurrences(), by);
        }
        store.allowed(id, by, clock.instant(), reason, allowedIn);
        return get(id);
    }

    private static Transition transition(AuditTransition t) {
        return new Transition(ContainerState.of(t.before().processes(), t.before().recentTokens()), t.event(),
                ContainerState.of(t.after().processes(), t.after().recentTokens()),
                t.actor() == null ? null : new ActorState(t.actor().process(), t.actor().recentTokens()));
    }
}
