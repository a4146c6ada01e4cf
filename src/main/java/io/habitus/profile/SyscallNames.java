package io.habitus.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Names of x86_64 system call numbers, for tracers that report only numbers (Tetragon's
 * {@code raw_syscalls/sys_enter}, UNM traces): seccomp and Kubescape name system calls. The table
 * is the kernel's ABI (x86_64-syscalls.tsv says where it comes from); a number it does not know
 * (the x32 range, a call newer than Linux 6.18) has no name.
 */
@Component
class SyscallNames {

    private static final String TABLE = "x86_64-syscalls.tsv";

    private final Map<Integer, String> names = new HashMap<>();

    SyscallNames() {
        try (InputStream in = SyscallNames.class.getResourceAsStream(TABLE);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                int tab = line.indexOf('\t');
                names.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
    }

    /** The name of a syscall token's value: itself when named, the x86_64 name of {@code #<nr>}, else empty. */
    Optional<String> name(String syscallValue) {
        if (!syscallValue.startsWith("#")) {
            return Optional.of(syscallValue);
        }
        try {
            return Optional.ofNullable(names.get(Integer.parseInt(syscallValue.substring(1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
