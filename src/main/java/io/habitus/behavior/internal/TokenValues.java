package io.habitus.behavior.internal;

import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * The shape a token value must have for its kind. Paths are taken as observed, spaces and
 * control characters included: a file name is whatever the kernel accepted, and refusing it here
 * would drop the very events an attacker crafts.
 */
public final class TokenValues {

    private static final int MAX_PORT = 65_535;

    private TokenValues() {}

    /** Why {@code value} cannot be the value of a {@code kind} token, or {@code null} if it can. */
    public static @Nullable String problemWith(TokenKind kind, String value) {
        if (value.isBlank()) {
            return "must not be blank";
        }
        return switch (kind) {
            case PROCESS -> processProblem(value);
            case CONNECT, LISTEN, ACCEPT -> networkProblem(value);
            case SYSCALL -> syscallProblem(value);
            case FILE_READ, FILE_WRITE, EXIT -> null;
        };
    }

    private static @Nullable String processProblem(String value) {
        int separator = value.indexOf(Token.PARENT_SEPARATOR);
        if (separator <= 0 || separator + Token.PARENT_SEPARATOR.length() >= value.length()) {
            return "must be '<executable>" + Token.PARENT_SEPARATOR + "<parent executable or ?>'";
        }
        return null;
    }

    private static @Nullable String networkProblem(String value) {
        int slash = value.indexOf('/');
        if (slash < 1 || slash > 16 || !value.substring(0, slash).chars().allMatch(TokenValues::isLowerAlnum)) {
            return "must be '<protocol>/<port>' with a lower-case protocol such as tcp";
        }
        String port = value.substring(slash + 1);
        if (port.equals(Token.EPHEMERAL_PORT) || isPort(port)) {
            return null;
        }
        return "the port must be 0-" + MAX_PORT + " or '" + Token.EPHEMERAL_PORT + "'";
    }

    private static @Nullable String syscallProblem(String value) {
        if (value.startsWith("#")) {
            String number = value.substring(1);
            return !number.isEmpty() && number.length() <= 9 && number.chars().allMatch(Character::isDigit) ? null
                    : "a system call number is '#' followed by digits, e.g. '#101'";
        }
        return value.length() <= 64 && value.chars().allMatch(c -> isLowerAlnum(c) || c == '_') ? null
                : "must be a lower-case system call name or '#<number>'";
    }

    private static boolean isPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Integer.parseInt(port) <= MAX_PORT;
    }

    private static boolean isLowerAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
