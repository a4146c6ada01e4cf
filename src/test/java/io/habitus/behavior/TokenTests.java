package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTests {

    @Test
    void eachKindHasItsVerbAndBack() {
        assertThat(TokenKind.values()).extracting(TokenKind::verb)
                .containsExactly("exec", "read", "write", "connect", "listen", "accept", "syscall", "exit");
        for (TokenKind kind : TokenKind.values()) {
            assertThat(TokenKind.fromVerb(kind.verb())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> TokenKind.fromVerb("open")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open").hasMessageContaining("exec");
    }

    @Test
    void onlyExitsAreNoProfileRulesAndOnlyFilesArePaths() {
        assertThat(TokenKind.values()).filteredOn(TokenKind::inProfile).doesNotContain(TokenKind.EXIT).hasSize(7);
        assertThat(TokenKind.values()).filteredOn(TokenKind::isPath).containsExactly(TokenKind.FILE_READ, TokenKind.FILE_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec /usr/sbin/nginx <- /usr/sbin/nginx", "exec /bin/sh <- ?", "read /proc/*/stat",
            "write /tmp/tmp*", "connect tcp/5432", "listen tcp/80", "accept udp/ephemeral", "syscall ptrace",
            "syscall #101", "exit /usr/sbin/nginx", "read /home/user/My Documents/a b.txt"})
    void textAndParseAreInverse(String text) {
        assertThat(Token.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "read ", "open /etc/hosts", "exec /bin/sh", "exec  <- /bin/sh", "connect 5432",
            "connect tcp/70000", "connect TCP/80", "listen tcp/", "syscall Ptrace", "syscall #", "syscall #1x",
            " read /etc/hosts"})
    void malformedTokensAreRefusedWithAReason(String text) {
        assertThatThrownBy(() -> Token.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }

    @Test
    void tokensSortByKindThenValue() {
        List<Token> tokens = new ArrayList<>(List.of(Token.parse("syscall ptrace"), Token.parse("read /b"),
                Token.parse("exec /a <- ?"), Token.parse("read /a")));
        Collections.sort(tokens);
        assertThat(tokens).extracting(Token::text).containsExactly("exec /a <- ?", "read /a", "read /b", "syscall ptrace");
    }

    @Test
    void aTokenPrintsAsItsText() {
        assertThat(Token.parse("connect tcp/ephemeral")).hasToString("connect tcp/ephemeral");
    }
}
