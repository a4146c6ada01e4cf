package io.habitus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.habitus.security.TokenScope.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scope covers, without Spring. */
class TokenScopeUnitTests {

    @Test
    void anUnrestrictedScopeCoversEverythingEvenEventsWithoutNamespaceOrCluster() {
        assertThat(TokenScope.UNRESTRICTED.unrestricted()).isTrue();
        assertThat(TokenScope.UNRESTRICTED.coversNamespace(null)).isTrue();
        assertThat(TokenScope.UNRESTRICTED.coversCluster("any")).isTrue();
        assertThat(TokenScope.UNRESTRICTED.allows(Operation.INGEST)).isTrue();
        assertThat(TokenScope.UNRESTRICTED.allows(Operation.SCORE)).isTrue();
    }

    @Test
    void aNamespaceScopeCoversItsNamespacesOnlyAndNotEventsWithoutOne() {
        TokenScope scope = new TokenScope(List.of("web", "shop"), null, null);
        assertThat(scope.unrestricted()).isFalse();
        assertThat(scope.coversNamespace("web")).isTrue();
        assertThat(scope.coversNamespace("shop")).isTrue();
        assertThat(scope.coversNamespace("kube-system")).isFalse();
        assertThat(scope.coversNamespace(null)).isFalse();
        assertThat(scope.coversCluster(null)).as("clusters unrestricted").isTrue();
    }

    @Test
    void operationsLimitTheEventEndpoints() {
        TokenScope ingestOnly = new TokenScope(null, null, List.of(Operation.INGEST));
        assertThat(ingestOnly.allows(Operation.INGEST)).isTrue();
        assertThat(ingestOnly.allows(Operation.SCORE)).isFalse();
    }

    @Test
    void anEmptyListIsRefusedBecauseItReadsAsNothingToSomeAndAnythingToOthers() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenScope(List.of(), null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenScope(null, List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenScope(null, null, List.of()));
    }
}
