package io.habitus.shared.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the caller which trace its request joined, in W3C Trace Context's {@code traceresponse}
 * header ({@code 00-<trace id>-<span id>-<flags>}): the trace id of the caller's
 * {@code traceparent} when it sent one, a new one otherwise. The logs carry the same trace id, so a
 * report that quotes the header finds the request's log lines, and a tracing backend its spans.
 * Runs right after Spring's observation filter, which starts the request's span.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceResponseFilter extends OncePerRequestFilter {

    static final String HEADER = "traceresponse";

    private final Tracer tracer;

    TraceResponseFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracer.currentSpan();
        // Not Span.isNoop(): that is true of every unsampled span, which still has its trace id.
        if (span != null && !span.context().traceId().isEmpty()) {
            TraceContext context = span.context();
            response.setHeader(HEADER, "00-" + context.traceId() + "-" + context.spanId() + "-"
                    + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
        }
        chain.doFilter(request, response);
    }
}
