package io.habitus.behavior.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.behavior.DirectoryCollapse;
import io.habitus.behavior.Events;
import io.habitus.behavior.GeneralisationProperties;
import io.habitus.behavior.PathArbitraries;
import io.habitus.behavior.PathPattern;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.behavior.Tokenizer;
import io.habitus.behavior.WideDirectories;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of generalisation that must hold for any path an agent may report (jqwik). */
class GeneralisationPropertyTests {

    private static final ContainerNames NGINX = ContainerNames.of(Events.CONTAINER_ID, Events.POD);
    private final Tokenizer tokenizer = new Tokenizer(GeneralisationProperties.defaults());

    @Property(tries = 2000)
    void generalisingTwiceChangesNothing(@ForAll("paths") String path) {
        String once = PathGeneraliser.generalise(path, NGINX);
        assertThat(PathGeneraliser.generalise(once, NGINX)).isEqualTo(once);
    }

    @Property(tries = 2000)
    void numericSegmentsNeverSurvive(@ForAll("paths") String path) {
        String general = PathGeneraliser.generalise(path, NGINX);
        assertThat(Segments.split(general)).noneMatch(segment -> Chars.allDigits(segment, 0, segment.length()));
    }

    @Property(tries = 2000)
    void aGeneralisedPathMatchesItsRawPath(@ForAll("paths") String path) {
        String raw = PathNormaliser.normalise(path);
        String general = PathGeneraliser.generalise(path, NGINX);
        assertThat(PathPattern.matches(general, raw)).as("%s matches %s", general, raw).isTrue();
    }

    @Property(tries = 1000)
    void normalisingTwiceChangesNothingAndLeavesNoDotsOrEmptySegments(@ForAll("paths") String path) {
        String normal = PathNormaliser.normalise(path);
        assertThat(PathNormaliser.normalise(normal)).isEqualTo(normal);
        if (!normal.equals("/") && !normal.equals(".")) {
            assertThat(normal).doesNotEndWith("/").doesNotContain("//");
            assertThat(Arrays.asList(normal.split("/"))).doesNotContain(".");
            if (normal.startsWith("/")) {
                assertThat(Arrays.asList(normal.split("/"))).doesNotContain("..");
            }
        }
    }

    @Property(tries = 1000)
    void aTokenizedEventIsTheGeneralisationOfItsRawExample(@ForAll("paths") String path) {
        TokenizedEvent read = tokenizer.tokenize(Events.read(path));
        assertThat(tokenizer.generalise(read.raw(), Events.CONTAINER_ID, Events.POD)).isEqualTo(read.token());
        assertThat(tokenizer.generalise(read.token(), Events.CONTAINER_ID, Events.POD)).isEqualTo(read.token());

        TokenizedEvent exec = tokenizer.tokenize(Events.exec(path, path));
        assertThat(tokenizer.generalise(exec.token(), Events.CONTAINER_ID, Events.POD)).isEqualTo(exec.token());
    }

    @Property
    void portsGeneraliseIdempotently(@ForAll @IntRange(max = 65535) int port) {
        Token raw = new Token(TokenKind.CONNECT, "tcp/" + port);
        Token once = tokenizer.generalise(raw, null, null);
        assertThat(tokenizer.generalise(once, null, null)).isEqualTo(once);
        assertThat(once.value()).isEqualTo(port >= 32768 ? "tcp/ephemeral" : "tcp/" + port);
    }

    @Property(tries = 2000)
    void parsingATokensTextGivesTheToken(@ForAll("tokens") Token token) {
        assertThat(Token.parse(token.text())).isEqualTo(token);
    }

    @Property(tries = 300)
    void collapsedDirectoriesMatchEveryMemberAndHoldEveryPathBelowThem(
            @ForAll @Size(max = 300) List<@From("smallTreePaths") String> paths,
            @ForAll @IntRange(min = 1, max = 6) int threshold) {
        List<DirectoryCollapse> found = WideDirectories.find(paths, directory -> threshold);

        for (DirectoryCollapse collapse : found) {
            PathPattern.Compiled pattern = PathPattern.compile(collapse.pattern());
            assertThat(collapse.members()).isNotEmpty().allMatch(pattern::matches);
            assertThat(collapse.members()).containsAll(paths.stream().filter(p -> p.startsWith(collapse.directory() + "/")).toList());
            assertThat(collapse.directory().split("/")).hasSizeGreaterThan(2);
        }
        assertThat(found).extracting(DirectoryCollapse::directory).isSorted().doesNotHaveDuplicates();
        List<String> directories = found.stream().map(DirectoryCollapse::directory).toList();
        for (String outer : directories) {
            assertThat(directories).noneMatch(inner -> inner.startsWith(outer + "/"));
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return PathArbitraries.paths();
    }

    @Provide
    Arbitrary<String> smallTreePaths() {
        return Arbitraries.of("a", "b", "c", "d", "*", "tmp*", "**").list().ofMinSize(1).ofMaxSize(5)
                .map(segments -> "/" + String.join("/", segments));
    }

    @Provide
    Arbitrary<Token> tokens() {
        Arbitrary<String> path = PathArbitraries.paths().map(PathNormaliser::normalise);
        Arbitrary<String> network = Combinators.combine(Arbitraries.of("tcp", "udp", "sctp"),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 65535).map(String::valueOf), Arbitraries.just("ephemeral")))
                .as((protocol, port) -> protocol + "/" + port);
        Arbitrary<String> syscall = Arbitraries.oneOf(Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_")
                .ofMinLength(1).ofMaxLength(20), Arbitraries.integers().between(0, 999).map(nr -> "#" + nr));
        return Arbitraries.oneOf(
                Combinators.combine(path, Arbitraries.oneOf(path, Arbitraries.just("?")))
                        .as((exe, parent) -> new Token(TokenKind.PROCESS, exe + " <- " + parent)),
                Combinators.combine(Arbitraries.of(TokenKind.FILE_READ, TokenKind.FILE_WRITE, TokenKind.EXIT), path).as(Token::new),
                Combinators.combine(Arbitraries.of(TokenKind.CONNECT, TokenKind.LISTEN, TokenKind.ACCEPT), network).as(Token::new),
                syscall.map(value -> new Token(TokenKind.SYSCALL, value)));
    }

    @Property
    void anEphemeralPortNeverNamesAListedPort(@ForAll @IntRange(max = 32767) int port) {
        assertThat(tokenizer.generalise(new Token(TokenKind.LISTEN, "tcp/" + port), null, null).value()).isEqualTo("tcp/" + port);
    }
}
