package io.habitus.profile.internal;

import io.habitus.behavior.DirectoryCollapse;
import io.habitus.behavior.GeneralisationProperties;
import io.habitus.behavior.TokenKind;
import io.habitus.behavior.WideDirectories;
import io.habitus.profile.persistence.Observed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Turns a learning window's observations into profile entries. Per-event generalisation already
 * happened when the events were tokenised; here the wide-directory rule runs, because it needs
 * to see all paths of the window at once.
 */
@Component
public class ProfileBuilder {

    private final GeneralisationProperties generalisation;

    ProfileBuilder(GeneralisationProperties generalisation) {
        this.generalisation = generalisation;
    }

    public List<ProfileEntry> build(List<Observed> observations) {
        Map<TokenKind, List<Observed>> byKind = new HashMap<>();
        for (Observed o : observations) {
            byKind.computeIfAbsent(TokenKind.valueOf(o.kind()), k -> new ArrayList<>()).add(o);
        }
        List<ProfileEntry> entries = new ArrayList<>();
        byKind.forEach((kind, observed) -> entries.addAll(kind.isPath() ? collapsed(kind, observed) : plain(kind, observed)));
        entries.sort(Comparator.comparing(ProfileEntry::kind).thenComparing(ProfileEntry::pattern));
        return entries;
    }

    private List<ProfileEntry> collapsed(TokenKind kind, List<Observed> observed) {
        Map<String, Observed> byPattern = new HashMap<>();
        observed.forEach(o -> byPattern.put(o.pattern(), o));
        List<DirectoryCollapse> collapses = WideDirectories.find(byPattern.keySet(), generalisation::thresholdFor);
        List<ProfileEntry> entries = new ArrayList<>();
        for (DirectoryCollapse collapse : collapses) {
            entries.add(merge(kind, collapse.pattern(), collapse.members().stream().map(byPattern::remove)
                    .filter(o -> o != null).toList()));
        }
        entries.addAll(plain(kind, List.copyOf(byPattern.values())));
        return entries;
    }

    private static List<ProfileEntry> plain(TokenKind kind, List<Observed> observed) {
        return observed.stream().map(o -> new ProfileEntry(kind, o.pattern(), EntryOrigin.LEARNED, null, null, o.count(),
                o.containers().size(), o.nodes().size(), o.firstSeen(), o.lastSeen(), o.examples())).toList();
    }

    private static ProfileEntry merge(TokenKind kind, String pattern, List<Observed> members) {
        long count = 0;
        Instant first = null;
        Instant last = null;
        TreeSet<String> examples = new TreeSet<>();
        // Only the sizes of these two are kept: hashing is enough, and cheaper than ordering.
        Set<String> containers = new HashSet<>();
        Set<String> nodes = new HashSet<>();
        for (Observed o : members) {
            count += o.count();
            first = first == null || o.firstSeen().isBefore(first) ? o.firstSeen() : first;
            last = last == null || o.lastSeen().isAfter(last) ? o.lastSeen() : last;
            examples.addAll(o.examples());
            containers.addAll(o.containers());
            nodes.addAll(o.nodes());
        }
        return new ProfileEntry(kind, pattern, EntryOrigin.LEARNED, null, null, count, containers.size(), nodes.size(),
                first, last, examples.stream().limit(5).toList());
    }
}
