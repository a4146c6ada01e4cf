package io.habitus.profile;

import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import io.habitus.behavior.Tokenizer;
import io.habitus.image.Images;
import io.habitus.profile.internal.Checksums;
import io.habitus.profile.internal.NewRule;
import io.habitus.profile.internal.ObservationStatistics;
import io.habitus.profile.internal.ProfileBuilder;
import io.habitus.profile.internal.ProfileDiff;
import io.habitus.profile.internal.ProfileEdit;
import io.habitus.profile.internal.EntryOrigin;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.internal.ProfileProblems;
import io.habitus.profile.internal.ProfileSource;
import io.habitus.profile.persistence.LearningRow;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.profile.persistence.ObservationStore;
import io.habitus.profile.persistence.ProfileHead;
import io.habitus.profile.persistence.ProfileStore;
import io.habitus.shared.ImageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allowlist profiles: immutable numbered versions per image. Every change (build, edit, import,
 * an allowed audit) makes a new version; activation picks the one that judges, which is also how
 * a rollback is done. Changes of one image are serialised by locking its profile head.
 */
@Service
public class Profiles {

    private final ProfileStore profiles;
    private final LearningStore learning;
    private final ObservationStore observations;
    private final ProfileBuilder builder;
    private final Images images;
    private final Tokenizer tokenizer;
    private final ObservationStatistics statistics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Profiles(ProfileStore profiles, LearningStore learning, ObservationStore observations, ProfileBuilder builder,
            Images images, Tokenizer tokenizer, ObservationStatistics statistics, ApplicationEventPublisher events,
            Clock clock) {
        this.profiles = profiles;
        this.learning = learning;
        this.observations = observations;
        this.builder = builder;
        this.images = images;
        this.tokenizer = tokenizer;
        this.statistics = statistics;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProfileVersion> list(ImageDigest digest) {
        images.requireKnown(digest);
        return profiles.versions(digest);
    }

    @Transactional(readOnly = true)
    public Profile get(ImageDigest digest, int version) {
        images.requireKnown(digest);
        ProfileVersion header = profiles.version(digest, version).orElseThrow(() -> ProfileProblems.noVersion(digest, version));
        return new Profile(header, profiles.entries(digest.value(), version));
    }

    /**
     * How many learned rules of a version only one learning container showed: without that container
     * the rule would not exist (the container detector's calibration reads it, docs/incidents.md).
     */
    public long learnedRulesOfOneContainer(ImageDigest digest, int version) {
        return get(digest, version).entries().stream()
                .filter(entry -> entry.origin() == EntryOrigin.LEARNED && entry.containers() == 1).count();
    }

    /** Builds a version from the observations of the image's current (or last) learning window. */
    @Transactional
    public Profile build(ImageDigest digest, String by, boolean activate) {
        images.requireKnown(digest);
        statistics.flush();
        LearningRow window = learning.find(digest.value())
                .orElseThrow(() -> ProfileProblems.conflict("Image " + digest + " has observed nothing yet"));
        return createLearned(window, learnedEntries(window), by, activate);
    }

    /** The entries a learning window's observations give; only reads, so it needs no lock. */
    List<ProfileEntry> learnedEntries(LearningRow window) {
        return builder.build(observations.observations(window.digest(), window.windowNo()));
    }

    /** A new version of {@code entries}, which {@link #learnedEntries} built from {@code window}. */
    Profile createLearned(LearningRow window, List<ProfileEntry> entries, String by, boolean activate) {
        ImageDigest digest = new ImageDigest(window.digest());
        if (entries.isEmpty()) {
            throw ProfileProblems.conflict("Learning window " + window.windowNo() + " of " + digest + " observed no behaviour");
        }
        String comment = "learned in window " + window.windowNo() + (window.partial() ? " (partial: agents dropped events)" : "");
        return create(digest, ProfileSource.LEARNED, null, window.windowNo(), window.partial(), comment, by, entries, activate);
    }

    /** Refuses entries that are not the ones an exported checksum was computed over. */
    public void verifyChecksum(List<ProfileEntry> entries, String checksum) {
        String actual = Checksums.of(entries);
        if (!actual.equals(checksum)) {
            throw ProfileProblems.invalidEdit("The imported entries do not match the checksum " + checksum
                    + " of the exported profile (they give " + actual + "); was the document changed?");
        }
    }

    /** Imports exported entries as a new version of this image (which may be another image than the source). */
    @Transactional
    public Profile importEntries(ImageDigest digest, List<ProfileEntry> entries, String comment, String by, boolean activate) {
        images.requireKnown(digest);
        Map<RuleRef, ProfileEntry> unique = new TreeMap<>();
        for (ProfileEntry given : entries) {
            ProfileEntry entry = withPattern(given, generalised(given.kind(), given.pattern()));
            if (unique.put(entry.rule(), entry) != null) {
                throw ProfileProblems.invalidEdit("The imported profile lists " + entry.rule() + " twice");
            }
        }
        if (unique.isEmpty()) {
            throw ProfileProblems.invalidEdit("The imported profile has no entries");
        }
        return create(digest, ProfileSource.IMPORTED, null, null, false, comment, by, List.copyOf(unique.values()), activate);
    }

    /**
     * Applies an edit to the latest version, giving a new version; it becomes active if the
     * edited version was. {@code ifMatch} must be the latest version's ETag.
     */
    @Transactional
    public Profile edit(ImageDigest digest, int version, @Nullable String ifMatch, ProfileEdit edit, String by) {
        images.requireKnown(digest);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProfileProblems.ifMatchRequired();
        }
        ProfileHead head = profiles.lockHead(digest).orElseThrow(() -> ProfileProblems.noProfile(digest));
        ProfileVersion edited = profiles.version(digest, version).orElseThrow(() -> ProfileProblems.noVersion(digest, version));
        ProfileVersion latest = profiles.version(digest, head.latestVersion()).orElseThrow();
        if (!ifMatch.equals(edited.etag()) || version != head.latestVersion()) {
            throw ProfileProblems.stale(version, ifMatch, latest.etag());
        }
        if (edit.isEmpty()) {
            throw ProfileProblems.invalidEdit("The edit adds and removes nothing");
        }
        Map<RuleRef, ProfileEntry> entries = byRule(profiles.entries(digest.value(), version));
        for (RuleRef rule : edit.remove()) {
            if (entries.remove(rule) == null) {
                throw ProfileProblems.conflict("Version " + version + " has no rule " + rule + " to remove");
            }
        }
        for (NewRule rule : edit.add()) {
            RuleRef ref = new RuleRef(rule.kind(), generalised(rule.kind(), rule.pattern()));
            if (entries.containsKey(ref)) {
                throw ProfileProblems.conflict("Version " + version + " already has rule " + ref);
            }
            entries.put(ref, ProfileEntry.manual(ref.kind(), ref.pattern(), by, rule.reason()));
        }
        return create(digest, ProfileSource.EDITED, version, edited.windowNo(), edited.partial(), edit.comment(), by,
                List.copyOf(entries.values()), edited.active());
    }

    /**
     * Accepts a deviation as normal: the active version plus this rule becomes a new, active
     * version. Returns the active version unchanged when it already has the rule.
     */
    @Transactional
    public Profile allow(ImageDigest digest, RuleRef rule, String by, String reason) {
        ProfileHead head = profiles.lockHead(digest).orElseThrow(() -> ProfileProblems.noProfile(digest));
        if (head.activeVersion() == null) {
            throw ProfileProblems.conflict("Image " + digest + " has no active profile to add the rule to");
        }
        Map<RuleRef, ProfileEntry> entries = byRule(profiles.entries(digest.value(), head.activeVersion()));
        if (entries.containsKey(rule)) {
            return get(digest, head.activeVersion());
        }
        entries.put(rule, ProfileEntry.manual(rule.kind(), rule.pattern(), by, reason));
        return create(digest, ProfileSource.ALLOWED, head.activeVersion(), null, false, "allowed: " + rule, by,
                List.copyOf(entries.values()), true);
    }

    @Transactional(readOnly = true)
    public ProfileDiff diff(ImageDigest digest, int from, int to) {
        Profile a = get(digest, from);
        Profile b = get(digest, to);
        Map<RuleRef, ProfileEntry> before = byRule(a.entries());
        Map<RuleRef, ProfileEntry> after = byRule(b.entries());
        List<ProfileEntry> added = after.entrySet().stream().filter(e -> !before.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<ProfileEntry> removed = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new ProfileDiff(a.version(), b.version(), added, removed);
    }

    /** Makes any version the one that judges (also a rollback); the image becomes ACTIVE. */
    @Transactional
    public ProfileVersion activate(ImageDigest digest, int version, String by) {
        images.requireKnown(digest);
        profiles.lockHead(digest).orElseThrow(() -> ProfileProblems.noProfile(digest));
        ProfileVersion target = profiles.version(digest, version).orElseThrow(() -> ProfileProblems.noVersion(digest, version));
        activate(target, by);
        return profiles.version(digest, version).orElseThrow();
    }

    private Profile create(ImageDigest digest, ProfileSource source, @Nullable Integer basedOn, @Nullable Integer windowNo,
            boolean partial, @Nullable String comment, String by, List<ProfileEntry> entries, boolean activate) {
        List<ProfileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ProfileEntry::rule));
        int version = profiles.nextVersion(digest);
        profiles.insertVersion(digest, version, Checksums.of(sorted), source, basedOn, windowNo, partial, comment,
                clock.instant(), by, sorted);
        ProfileVersion created = profiles.version(digest, version).orElseThrow();
        if (activate) {
            activate(created, by);
            created = profiles.version(digest, version).orElseThrow();
        }
        return new Profile(created, sorted);
    }

    private void activate(ProfileVersion version, String by) {
        profiles.activate(version.digest(), version.version(), clock.instant(), by);
        images.profileActivated(version.digest(), version.version(), version.checksum());
        events.publishEvent(new ProfileActivated(version.digest(), version.version(), version.checksum(), by));
    }

    /**
     * Rules typed by people go through the same generalisation as observed events, so that
     * {@code /proc/123/status} becomes the {@code /proc/*}{@code /status} that events will match.
     */
    private String generalised(TokenKind kind, String pattern) {
        try {
            return tokenizer.generalise(new Token(kind, pattern), null, null).value();
        } catch (IllegalArgumentException e) {
            throw ProfileProblems.invalidEdit("Rule " + kind + " '" + pattern + "' is malformed: " + e.getMessage());
        }
    }

    private static ProfileEntry withPattern(ProfileEntry e, String pattern) {
        return new ProfileEntry(e.kind(), pattern, e.origin(), e.addedBy(), e.reason(), e.count(), e.containers(),
                e.nodes(), e.firstSeen(), e.lastSeen(), e.examples());
    }

    private static Map<RuleRef, ProfileEntry> byRule(List<ProfileEntry> entries) {
        return entries.stream().collect(Collectors.toMap(ProfileEntry::rule, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
