package io.habitus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.client.api.AuditsApi;
import io.habitus.client.api.ImagesApi;
import io.habitus.client.api.ProfilesApi;
import io.habitus.client.api.ScoringApi;
import io.habitus.client.model.AuditPageResponse;
import io.habitus.client.model.ContainerRef;
import io.habitus.client.model.ImagePageResponse;
import io.habitus.client.model.PriorStateRequest;
import io.habitus.client.model.ProcessInfo;
import io.habitus.client.model.ProfileDiffResponse;
import io.habitus.client.model.ProfileEditRequest;
import io.habitus.client.model.ProfileResponse;
import io.habitus.client.model.RuleRequest;
import io.habitus.client.model.RuntimeEvent;
import io.habitus.client.model.ScoreRequest;
import io.habitus.client.model.ScoreResponse;
import io.habitus.client.model.ScoreResult;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a dashboard does, through the Java client generated at build time from the committed
 * openapi/habitus.yaml: if the client cannot express a call, the document is wrong.
 */
class GeneratedClientTests extends IntegrationTest {

    @Test
    void aDashboardListsImagesReadsAndDiffsProfilesFiltersAuditsAndAsksWhatIf() throws Exception {
        String digest = learnedNginxImage();
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(60);
        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("b"), List.of(
                NginxTraffic.exec(digest, container, NginxTraffic.NGINX, "/sbin/init", 1, t),
                NginxTraffic.exec(digest, container, "/usr/bin/nc", NginxTraffic.NGINX, 7, t.plusSeconds(1))))));
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + ADMIN_TOKEN));

        ImagePageResponse active = new ImagesApi(client).listImages("ACTIVE", 0, 100);
        assertThat(active.getItems()).anySatisfy(image -> {
            assertThat(image.getDigest()).isEqualTo(digest);
            assertThat(image.getActiveProfileVersion()).isEqualTo(1);
        });

        ProfilesApi profiles = new ProfilesApi(client);
        ProfileResponse first = profiles.getProfile(digest, 1);
        assertThat(first.getEntries()).isNotEmpty();
        ProfileResponse second = profiles.editProfile(digest, 1, new ProfileEditRequest()
                .add(List.of(new RuleRequest().kind(RuleRequest.KindEnum.CONNECT).pattern("tcp/443")
                        .reason("calls the CDN")))
                .comment("dashboard edit"), first.getProfile().getEtag());
        ProfileDiffResponse diff = profiles.diffProfiles(digest, 1, second.getProfile().getVersion());
        assertThat(diff.getAdded()).singleElement().satisfies(e -> assertThat(e.getPattern()).isEqualTo("tcp/443"));

        AuditPageResponse audits = new AuditsApi(client).listAudits(digest, container, "VIOLATION", "OPEN",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, null, 50);
        assertThat(audits.getItems()).singleElement().satisfies(a -> {
            assertThat(a.getRuleValue()).isEqualTo("/usr/bin/nc <- /usr/sbin/nginx");
            assertThat(a.getTransition().getEvent()).isEqualTo("exec /usr/bin/nc <- /usr/sbin/nginx");
        });

        RuntimeEvent shell = new RuntimeEvent().time(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5))
                .type(RuntimeEvent.TypeEnum.PROCESS_EXEC)
                .container(new ContainerRef().id(Events.newId("what-if")).imageDigest(digest))
                .process(new ProcessInfo().pid(99L).exe("/bin/sh").parentExe(NginxTraffic.NGINX));
        ScoreResponse scored = new ScoringApi(client).scoreEvents(new ScoreRequest().events(List.of(shell))
                .priorState(new PriorStateRequest().processes(List.of(NginxTraffic.NGINX))
                        .recentTokens(List.of("exec /usr/sbin/nginx <- /sbin/init", "accept tcp/80"))), false);
        ScoreResult result = scored.getResults().getFirst();
        assertThat(scored.getCommit()).isFalse();
        assertThat(result.getVerdict()).isIn(ScoreResult.VerdictEnum.NORMAL, ScoreResult.VerdictEnum.ANOMALOUS);
        assertThat(result.getScore()).isNotNull();
        assertThat(result.getModel().getVersion()).isEqualTo(1);
        assertThat(result.getProfile().getVersion()).isEqualTo(second.getProfile().getVersion());
        assertThat(result.getTransition().getBefore().getRecentTokens()).containsExactly(
                "exec /usr/sbin/nginx <- /sbin/init", "accept tcp/80");
        assertThat(result.getExplanation()).contains("/bin/sh");
    }
}
