package io.didplatform.support.web;

import io.didplatform.support.axon.MessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Holds query parameters, form fields of an upload and path variables to {@link TextRule} before a controller
 * sees them; the correlation id a caller may send travels into every event and the audit log, so it is held to
 * the rule and a length too. Runs after multipart resolution, so an upload's own limits answer first.
 */
public class TextParameterCheck implements HandlerInterceptor {
    /** What audit stores of a correlation id, with room to spare: a UUID is 36. */
    static final int MAX_CORRELATION_ID = 128;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                TextRule.require(name, value, false);
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> TextRule.require(name.toString(), value.toString(), false));
        }
        String correlation = request.getHeader(MessageContext.CORRELATION_HEADER);
        TextRule.require(MessageContext.CORRELATION_HEADER, correlation, false);
        if (correlation != null && correlation.length() > MAX_CORRELATION_ID) {
            throw DomainException.invalid("INVALID_REQUEST",
                    MessageContext.CORRELATION_HEADER + " holds at most " + MAX_CORRELATION_ID + " characters");
        }
        return true;
    }
}
