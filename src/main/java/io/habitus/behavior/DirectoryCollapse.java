package io.habitus.behavior;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the wide-directory rule: {@code directory} had too many distinct children, so
 * its {@code members} (the paths below it, sorted) are replaced by {@code pattern},
 * {@code <directory>/**}.
 */
public record DirectoryCollapse(String directory, String pattern, List<String> members) {

    public DirectoryCollapse {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(pattern, "pattern");
        members = List.copyOf(members);
    }
}
