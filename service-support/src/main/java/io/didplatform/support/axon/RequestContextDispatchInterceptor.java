package io.didplatform.support.axon;

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
 * Gives every command an actor and a correlation id: from the HTTP request that sent it (the gateway's
 * {@code X-Actor} header), or {@code system} when no request is in progress. Metadata the sender set itself
 * (an inbound Kafka event's actor, say) wins.
 */
public class RequestContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            HttpServletRequest request = currentRequest();
            if (!command.getMetaData().containsKey(MessageContext.ACTOR)) {
                String actor = request == null ? null : request.getHeader(MessageContext.ACTOR_HEADER);
                added.put(MessageContext.ACTOR, actor == null || actor.isBlank() ? MessageContext.SYSTEM_ACTOR : actor);
            }
            if (!command.getMetaData().containsKey(MessageContext.CORRELATION)) {
                String correlation = request == null ? null : request.getHeader(MessageContext.CORRELATION_HEADER);
                added.put(MessageContext.CORRELATION,
                        correlation == null || correlation.isBlank() ? UUID.randomUUID().toString() : correlation);
            }
            return added.isEmpty() ? command : command.andMetaData(MetaData.from(added));
        };
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
