package io.habitus.security.web;

import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.habitus.security.ApiTokens;
import io.habitus.security.Caller;
import io.habitus.security.Role;
import io.habitus.security.TokenScope;
import io.habitus.security.internal.ApiToken;
import io.habitus.security.internal.IssuedToken;
import io.habitus.support.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The token endpoints alone (Spring MVC and the shared exception handler, the token store replaced):
 * how a request becomes an issued token, and which requests are refused before anything is issued.
 */
@Import(WebSlice.class)
@WebMvcTest(TokenController.class)
class TokenControllerTests {

    private static final UUID ID = UUID.fromString("6f0c1a52-3c1e-4a8e-9d59-0d2c4f8e9a10");
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokens tokens;

    @Test
    void issuingAnswers201WithTheLocationTheSecretOnceAndTheScopeAsRequested() throws Exception {
        TokenScope scope = new TokenScope(List.of("web"), null, List.of(TokenScope.Operation.INGEST));
        given(tokens.issue(anyString(), any(), any(), anyString())).willReturn(new IssuedToken(
                new ApiToken(ID, "node-agents", Role.AGENT, scope, "hab_Xk3v9Q", T0, "alice", null), "hab_Xk3v9Qsecret"));

        mvc.perform(post("/api/v1/tokens").with(admin("alice")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "node-agents", "role": "AGENT",
                                 "scope": {"namespaces": ["web"], "operations": ["INGEST", "INGEST"]}}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/tokens/" + ID))
                .andExpect(jsonPath("$.secret").value("hab_Xk3v9Qsecret"))
                .andExpect(jsonPath("$.token.scope.namespaces[0]").value("web"))
                .andExpect(jsonPath("$.token.scope.clusters").value((Object) null))
                .andExpect(jsonPath("$.token.revokedAt").value((Object) null));
        // The caller's name is the issuer; a repeated operation is asked for once.
        verify(tokens).issue("node-agents", Role.AGENT, scope, "alice");
    }

    @Test
    void anUnscopedTokenIsIssuedUnrestrictedAndListedWithAScopeOfNull() throws Exception {
        given(tokens.issue(anyString(), any(), any(), anyString())).willReturn(new IssuedToken(
                new ApiToken(ID, "dashboards", Role.ANALYST, TokenScope.UNRESTRICTED, "hab_Ab12Cd", T0, "alice", null), "s"));

        mvc.perform(post("/api/v1/tokens").with(admin("alice")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"dashboards\", \"role\": \"ANALYST\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.scope").value((Object) null));
        verify(tokens).issue("dashboards", Role.ANALYST, TokenScope.UNRESTRICTED, "alice");
    }

    @Test
    void aRequestBreakingConstraintsIsRefusedNamingEachFieldAndNothingIsIssued() throws Exception {
        mvc.perform(post("/api/v1/tokens").with(admin("alice")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "", "role": "AGENT",
                                 "scope": {"namespaces": [], "clusters": ["prod eu"]}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("name", "scope.namespaces", "scope.clusters[0]")));
        mvc.perform(post("/api/v1/tokens").with(admin("alice")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"role\": \"ROOT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(tokens);
    }

    @Test
    void aTokenIdThatIsNoUuidIsABadRequestAndRevokingAnswersTheRevokedToken() throws Exception {
        mvc.perform(get("/api/v1/tokens/not-a-uuid").with(admin("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        given(tokens.revoke(ID)).willReturn(
                new ApiToken(ID, "node-agents", Role.AGENT, TokenScope.UNRESTRICTED, "hab_Xk3v9Q", T0, "alice", T0.plusSeconds(60)));

        mvc.perform(delete("/api/v1/tokens/" + ID).with(admin("alice")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").value("2026-11-28T10:01:00Z"));
    }

    /** Authenticated as the bearer filter would: a {@link Caller} principal with its role. */
    private static RequestPostProcessor admin(String name) {
        return authentication(new UsernamePasswordAuthenticationToken(new Caller(name, Role.ADMIN), null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }
}
