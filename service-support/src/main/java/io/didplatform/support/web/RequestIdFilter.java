package io.didplatform.support.web;

import io.didplatform.security.RequestIds;
import io.didplatform.support.axon.MessageContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The request's id ({@link RequestIds}, passed on by the gateway) in the log's MDC as {@value #MDC_KEY} for every line
 * written while the request is handled, and the correlation id of what the request causes unless the caller chose one
 * ({@link #correlationOf}). A request that did not come through the gateway gets an id of its own.
 */
public class RequestIdFilter extends OncePerRequestFilter {
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.keepOrCreate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
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
