package io.didplatform.support.kafka;

import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.web.RequestIdFilter;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;

/**
 * Sends a command caused by an inbound Kafka event, carrying that event's actor, correlation and id. While it is
 * handled the correlation id is the log's request id, and the command is logged, so a request's id is found in the
 * log of a service it reached through Kafka.
 */
public class InboundCommands {
    private static final Logger log = LoggerFactory.getLogger(InboundCommands.class);
    private final CommandGateway commands;

    public InboundCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public void send(Object command, InboundEvent cause) {
        Map<String, String> metaData = metaData(cause);
        MDC.put(RequestIdFilter.MDC_KEY, metaData.get(MessageContext.CORRELATION));
        try {
            log.info("{} on {} {}", command.getClass().getSimpleName(), cause.type(), cause.id());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    /**
     * The metadata of what the event causes: its actor (the system when it has none), its correlation (itself
     * when it has none), and the event as the causation.
     */
    public static Map<String, String> metaData(InboundEvent cause) {
        return Map.of(MessageContext.ACTOR, cause.actor() == null ? MessageContext.SYSTEM_ACTOR : cause.actor(),
                MessageContext.CORRELATION, cause.correlationId() == null ? cause.id() : cause.correlationId(),
                MessageContext.CAUSATION, cause.id());
    }
}
