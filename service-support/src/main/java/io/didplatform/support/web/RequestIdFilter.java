package io.didplatform.support.web;

import io.didplatform.security.RequestIds;
import io.didplatform.support.axon.MessageContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The request's id ({@link RequestIds}, passed on by the gateway) in the log's MDC as {@value #MDC_KEY} for every line
 * written while the request is handled, and the correlation id of what the request causes unless the caller chose one
 * ({@link #correlationOf}). A request that did not come through the gateway gets an id of its own.
 * <p>
 * Each request handled is one line of logger {@value #ACCESS_LOG} (method, path, status, time), so its id is in the
 * log of every service it reached; routing lookups, which switches make thousands of times a second, and the
 * actuator's probes and scrapes only at DEBUG.
 */
public class RequestIdFilter extends OncePerRequestFilter {
    public static final String MDC_KEY = "requestId";
    public static final String ACCESS_LOG = "io.didplatform.access";
    private static final Logger access = LoggerFactory.getLogger(ACCESS_LOG);
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.keepOrCreate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            logAccess(request, response, started);
            MDC.remove(MDC_KEY);
        }
    }

    private static void logAccess(HttpServletRequest request, HttpServletResponse response, long started) {
        String path = request.getRequestURI();
        boolean frequent = path.startsWith("/api/routing/") || path.startsWith("/actuator");
        if (frequent ? access.isDebugEnabled() : access.isInfoEnabled()) {
            String line = "{} {} -> {} in {} ms";
            Object[] values = {request.getMethod(), path, response.getStatus(), (System.nanoTime() - started) / 1_000_000};
            if (frequent) {
                access.debug(line, values);
            } else {
                access.info(line, values);
            }
        }
    }

    /**
     * The correlation id of the commands and events a request causes: the caller's {@code X-Correlation-Id} when it
     * set one (a flow of several requests), else the request's id; null outside a filtered request.
     */
    public static String correlationOf(HttpServletRequest request) {
        String chosen = request.getHeader(MessageContext.CORRELATION_HEADER);
        return chosen != null && !chosen.isBlank() ? chosen : (String) request.getAttribute(ATTRIBUTE);
    }
}
