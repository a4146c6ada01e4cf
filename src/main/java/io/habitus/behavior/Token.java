package io.habitus.behavior;

import io.habitus.behavior.internal.TokenValues;
import java.util.Comparator;
import java.util.Objects;

/**
 * The canonical form of one event, e.g. {@code exec /usr/sbin/nginx <- /usr/sbin/nginx},
 * {@code read /proc/*}{@code /stat}, {@code connect tcp/5432}, {@code syscall ptrace}. Its
 * {@link #text()} is what people read and type, and {@link #parse(String)} reads it back.
 *
 * <p>The value is checked per kind so that a token typed by a person is refused with a clear
 * reason instead of becoming a rule that can never match.
 */
public record Token(TokenKind kind, String value) implements Comparable<Token> {

    /** Between the executable and its parent in a {@link TokenKind#PROCESS} value. */
    public static final String PARENT_SEPARATOR = " <- ";

    /** The parent of a process whose parent executable the agent did not know. */
    public static final String UNKNOWN_PARENT = "?";

    /** The port of a connection whose port lies in the ephemeral range. */
    public static final String EPHEMERAL_PORT = "ephemeral";

    private static final Comparator<Token> ORDER = Comparator.comparing(Token::kind).thenComparing(Token::value);

    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        String problem = TokenValues.problemWith(kind, value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid " + kind.verb() + " token '" + value + "': " + problem);
        }
    }

    /** The verb, a space and the value; {@link #parse(String)} is its inverse. */
    public String text() {
        return kind.verb() + " " + value;
    }

    /**
     * Reads {@link #text()} back: the verb, one space, the value, exactly. Nothing is trimmed,
     * because a path may end in a space; strip input typed by people before parsing it.
     */
    public static Token parse(String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("a token is '<verb> <value>', e.g. 'read /etc/hosts', not '" + text + "'");
        }
        return new Token(TokenKind.fromVerb(text.substring(0, space)), text.substring(space + 1));
    }

    @Override
    public int compareTo(Token other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text();
    }
}
