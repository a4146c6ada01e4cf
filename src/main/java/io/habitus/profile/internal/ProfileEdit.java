package io.habitus.profile.internal;

import io.habitus.profile.RuleRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An edit of a profile version: rules to add and to remove. Applying it makes a new version. */
public record ProfileEdit(List<NewRule> add, List<RuleRef> remove, @Nullable String comment) {

    public ProfileEdit {
        add = add == null ? List.of() : List.copyOf(add);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }
}
