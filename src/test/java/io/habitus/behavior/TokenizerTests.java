package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.ingest.EventType;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events in, tokens out: one example per event type and the acceptance examples. */
class TokenizerTests {

    private final Tokenizer tokenizer = new Tokenizer(GeneralisationProperties.defaults());

    @Test
    void twoProcessesReadingTheirOwnStatusGiveTheSameToken() {
        TokenizedEvent first = tokenizer.tokenize(Events.read("/proc/1234/status"));
        TokenizedEvent second = tokenizer.tokenize(Events.read("/proc/99/status"));

        assertThat(first.token().text()).isEqualTo("read /proc/*/status");
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(first.raw().text()).isEqualTo("read /proc/1234/status");
        assertThat(second.raw().text()).isEqualTo("read /proc/99/status");
    }

    @Test
    void anExecNamesTheExecutableAndItsParentBothGeneralised() {
        assertThat(text(Events.exec("/usr/sbin/nginx", "/usr/sbin/nginx"))).isEqualTo("exec /usr/sbin/nginx <- /usr/sbin/nginx");
        TokenizedEvent goRun = tokenizer.tokenize(Events.exec("/tmp/go-build1234567890/b001/exe/main", "/usr/local/go/bin/go"));
        assertThat(goRun.token().text()).isEqualTo("exec /tmp/go-build*/b001/exe/main <- /usr/local/go/bin/go");
        assertThat(goRun.raw().text()).isEqualTo("exec /tmp/go-build1234567890/b001/exe/main <- /usr/local/go/bin/go");
    }

    @Test
    void anUnknownParentIsAQuestionMark() {
        assertThat(text(Events.exec("/bin/sh", null))).isEqualTo("exec /bin/sh <- ?");
        assertThat(text(Events.exec("/bin/sh", " "))).isEqualTo("exec /bin/sh <- ?");
    }

    @Test
    void anExitNamesTheExecutable() {
        TokenizedEvent exit = tokenizer.tokenize(Events.exit("/usr/sbin/nginx"));
        assertThat(exit.token().text()).isEqualTo("exit /usr/sbin/nginx");
        assertThat(exit.token().kind().inProfile()).isFalse();
    }

    @Test
    void pathsAreNormalisedBeforeTheyAreGeneralised() {
        assertThat(text(Events.read("/etc//nginx/./conf.d/../nginx.conf/"))).isEqualTo("read /etc/nginx/nginx.conf");
        assertThat(text(Events.write("logs/../tmp/./out.txt"))).isEqualTo("write tmp/out.txt");
        assertThat(text(Events.read("/../etc/hosts"))).isEqualTo("read /etc/hosts");
    }

    @Test
    void writesAreTheirOwnKind() {
        assertThat(tokenizer.tokenize(Events.write("/tmp/tmpa8f3kq")).token()).isEqualTo(new Token(TokenKind.FILE_WRITE, "/tmp/tmp*"));
    }

    @Test
    void portsInTheEphemeralRangeAreNamedEphemeral() {
        TokenizedEvent client = tokenizer.tokenize(Events.network(EventType.NETWORK_CONNECT, "tcp", 45123));

        assertThat(client.token().text()).isEqualTo("connect tcp/ephemeral");
        assertThat(client.raw().text()).isEqualTo("connect tcp/45123");
        assertThat(text(Events.network(EventType.NETWORK_CONNECT, "tcp", 5432))).isEqualTo("connect tcp/5432");
        assertThat(text(Events.network(EventType.NETWORK_LISTEN, "tcp", 80))).isEqualTo("listen tcp/80");
        assertThat(text(Events.network(EventType.NETWORK_ACCEPT, "udp", 32768))).isEqualTo("accept udp/ephemeral");
        assertThat(text(Events.network(EventType.NETWORK_ACCEPT, "udp", 32767))).isEqualTo("accept udp/32767");
    }

    @Test
    void theEphemeralRangeIsConfigurable() {
        Tokenizer windowsLike = new Tokenizer(new GeneralisationProperties(49152, 65535, 50, Map.of()));
        assertThat(windowsLike.tokenize(Events.network(EventType.NETWORK_CONNECT, "tcp", 40000)).token().text())
                .isEqualTo("connect tcp/40000");
    }

    @Test
    void aSyscallIsNamedByNameElseByNumber() {
        assertThat(text(Events.syscall("ptrace", 101))).isEqualTo("syscall ptrace");
        assertThat(text(Events.syscall(null, 101))).isEqualTo("syscall #101");
    }

    @Test
    void anEventWithoutTheSectionItsTypeNeedsIsRefused() {
        ProcessInfo process = new ProcessInfo(1L, 0L, "/bin/sh", List.of(), 0L, null);
        assertThatThrownBy(() -> tokenizer.tokenize(Events.event(EventType.FILE_READ, process, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file.read");
        assertThatThrownBy(() -> tokenizer.tokenize(Events.event(EventType.SYSCALL, process, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syscall");
    }

    @Test
    void tokensTypedByPeopleGetTheSameRules() {
        assertThat(tokenizer.generalise(Token.parse("read /proc/77/stat"), null, null).text()).isEqualTo("read /proc/*/stat");
        assertThat(tokenizer.generalise(Token.parse("connect tcp/50000"), null, null).text()).isEqualTo("connect tcp/ephemeral");
        assertThat(tokenizer.generalise(Token.parse("exec /tmp/tmpa8f3kq/run <- ?"), null, null).text())
                .isEqualTo("exec /tmp/tmp*/run <- ?");
        assertThat(tokenizer.generalise(Token.parse("read /var/log/pods/web_nginx-7d9f_0/x"), "abc", "nginx-7d9f").text())
                .isEqualTo("read /var/log/pods/web_*_0/x");
        Token pattern = Token.parse("read /var/cache/app/**");
        assertThat(tokenizer.generalise(pattern, null, null)).isSameAs(pattern);
    }

    @Test
    void anUngeneralisedEventSharesOneTokenForPatternAndExample() {
        TokenizedEvent event = tokenizer.tokenize(Events.read("/etc/nginx/nginx.conf"));
        assertThat(event.token()).isSameAs(event.raw());
    }

    private String text(RuntimeEvent event) {
        return tokenizer.tokenize(event).token().text();
    }
}
