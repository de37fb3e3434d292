package io.didplatform.support.kafka;

import io.didplatform.support.axon.MessageContext;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;

/** Sends a command caused by an inbound Kafka event, carrying that event's actor, correlation and id. */
public class InboundCommands {
    private final CommandGateway commands;

    public InboundCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public void send(Object command, InboundEvent cause) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(cause)));
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
