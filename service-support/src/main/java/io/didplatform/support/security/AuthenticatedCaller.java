package io.didplatform.support.security;

import io.didplatform.security.Caller;
import io.didplatform.support.axon.MessageContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The caller the gateway's token states for a request, once {@link GatewayTokenFilter} verified it. */
public final class AuthenticatedCaller {
    private static final String ATTRIBUTE = AuthenticatedCaller.class.getName();

    private AuthenticatedCaller() {
    }

    static void set(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** The {@code actor} of what the request causes: the caller's name, or {@code system} outside a verified request. */
    public static String actorOf(HttpServletRequest request) {
        return of(request).map(Caller::name).orElse(MessageContext.SYSTEM_ACTOR);
    }
}
