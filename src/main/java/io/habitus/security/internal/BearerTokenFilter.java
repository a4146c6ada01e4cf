package io.habitus.security.internal;

import io.habitus.security.ApiTokens;
import io.habitus.security.Caller;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import io.habitus.shared.web.DatabaseOutages;
import io.habitus.shared.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <secret>} into an authenticated caller. A missing or unknown
 * token leaves the request anonymous, so the authorization rules answer 401; a database outage
 * while checking answers 503, because the token may well be valid.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemResponseWriter problems;

    BearerTokenFilter(ApiTokens tokens, ProblemResponseWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            Optional<Caller> caller;
            try {
                caller = tokens.authenticate(header.substring(SCHEME.length()).trim());
            } catch (RuntimeException e) {
                if (!DatabaseOutages.isOutage(e)) {
                    throw e;
                }
                problems.write(request, response, HabitusProblem.problem(HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemType.UNAVAILABLE, "The database is unreachable, so the token cannot be checked. Retry later."));
                return;
            }
            caller.ifPresent(c -> SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(c, null,
                            List.of(new SimpleGrantedAuthority(c.role().authority())))));
        }
        chain.doFilter(request, response);
    }
}
