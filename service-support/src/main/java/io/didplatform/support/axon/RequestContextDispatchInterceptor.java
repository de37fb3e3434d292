package io.didplatform.support.axon;

import io.didplatform.support.security.AuthenticatedCaller;
import io.didplatform.support.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Gives every command an actor and a correlation id: the actor is the caller the gateway's verified token states
 * for the HTTP request that sent it, or {@code system} when no request is in progress; never a header the request
 * carries. The correlation id is the request's ({@link RequestIdFilter#correlationOf}), or a new one. Metadata the sender set itself (an inbound Kafka event's actor, say) wins.
 */
public class RequestContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            HttpServletRequest request = currentRequest();
            if (!command.getMetaData().containsKey(MessageContext.ACTOR)) {
                added.put(MessageContext.ACTOR,
                        request == null ? MessageContext.SYSTEM_ACTOR : AuthenticatedCaller.actorOf(request));
            }
            if (!command.getMetaData().containsKey(MessageContext.CORRELATION)) {
                String correlation = request == null ? null : RequestIdFilter.correlationOf(request);
                added.put(MessageContext.CORRELATION, correlation == null ? UUID.randomUUID().toString() : correlation);
            }
            return added.isEmpty() ? command : command.andMetaData(MetaData.from(added));
        };
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
