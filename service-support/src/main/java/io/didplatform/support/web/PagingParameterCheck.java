package io.didplatform.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.regex.Pattern;

/**
 * Holds a list's {@code page} and {@code size} parameters to what they can mean before a controller sees them:
 * Spring would read {@code page=abc} as the first page and {@code size=100000} as its largest size, answering
 * something other than what was asked without saying so.
 */
public class PagingParameterCheck implements HandlerInterceptor {
    /** Spring Data's largest page ({@code spring.data.web.pageable.max-page-size}, left at its default). */
    public static final int MAX_SIZE = 2000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String[] pages = request.getParameterValues("page");
        String[] sizes = request.getParameterValues("size");
        if (pages != null && !(pages.length == 1 && WHOLE_NUMBER.matcher(pages[0]).matches())) {
            throw DomainException.invalid("INVALID_PAGE", "page must be one whole number, 0 for the first page");
        }
        if (sizes != null && !(sizes.length == 1 && WHOLE_NUMBER.matcher(sizes[0]).matches()
                && Integer.parseInt(sizes[0]) >= 1 && Integer.parseInt(sizes[0]) <= MAX_SIZE)) {
            throw DomainException.invalid("INVALID_PAGE", "size must be one whole number from 1 to " + MAX_SIZE);
        }
        return true;
    }
}
