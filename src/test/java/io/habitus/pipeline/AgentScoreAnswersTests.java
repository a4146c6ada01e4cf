package io.habitus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agents get verdicts from POST /score, never the state of a container (theirs or another's). */
class AgentScoreAnswersTests extends IntegrationTest {

    @Test
    void anAgentsScoreAnswerCarriesTheVerdictButNotTheContainersState() {
        String digest = Events.newDigest();
        String container = Events.newId("victim");
        Api.Reply ingested = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("b"),
                List.of(Events.exec(digest, container, "node-a", "/usr/sbin/secret-daemon")))));
        assertThat(ingested.status()).as(ingested.raw().body()).isEqualTo(200);
        String probe = Api.json(Map.of("events", List.of(Events.fileRead(digest, container, "node-a", "/etc/hosts"))));

        JsonNode asAgent = api(issue("AGENT")).post("/api/v1/score?commit=false", probe).json();
        JsonNode asAnalyst = api(issue("ANALYST")).post("/api/v1/score?commit=false", probe).json();

        JsonNode agentResult = asAgent.get("results").get(0);
        assertThat(agentResult.get("verdict").stringValue()).isEqualTo("LEARNING");
        assertThat(agentResult.get("token").stringValue()).isEqualTo("read /etc/hosts");
        JsonNode agentTransition = agentResult.get("transition");
        assertThat(agentTransition.get("event").stringValue()).isEqualTo("read /etc/hosts");
        assertThat(agentTransition.get("before").isNull()).as(agentTransition.toString()).isTrue();
        assertThat(agentTransition.get("after").isNull()).isTrue();
        assertThat(agentTransition.get("actor").isNull()).isTrue();
        assertThat(asAgent.toString()).doesNotContain("secret-daemon");

        JsonNode analystTransition = asAnalyst.get("results").get(0).get("transition");
        assertThat(analystTransition.get("before").get("processes").toString()).contains("/usr/sbin/secret-daemon");
        assertThat(analystTransition.get("after").get("recentTokens").toString()).contains("read /etc/hosts");
    }

    private String issue(String role) {
        return api().post("/api/v1/tokens", Api.json(Map.of("name", "score-" + role, "role", role)))
                .json().get("secret").stringValue();
    }
}
