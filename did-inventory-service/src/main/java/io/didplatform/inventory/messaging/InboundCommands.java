package io.didplatform.inventory.messaging;

import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.InboundEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sends a command caused by an inbound Kafka event, carrying that event's actor, correlation and id. */
@Component
class InboundCommands {
    private final CommandGateway commands;

    InboundCommands(CommandGateway commands) {
        this.commands = commands;
    }

    void send(Object command, InboundEvent cause) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(cause)));
    }

    static Map<String, String> metaData(InboundEvent cause) {
        return Map.of(MessageContext.ACTOR, cause.actor() == null ? MessageContext.SYSTEM_ACTOR : cause.actor(),
                MessageContext.CORRELATION, cause.correlationId() == null ? cause.id() : cause.correlationId(),
                MessageContext.CAUSATION, cause.id());
    }
}
