package io.didplatform.clients.messaging;

import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.kafka.InboundEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** Sends a command caused by an inbound Kafka event, carrying that event's actor, correlation and id. */
@Component
class InboundCommands {
    private final CommandGateway commands;

    InboundCommands(CommandGateway commands) {
        this.commands = commands;
    }

    void send(Object command, InboundEvent cause) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MessageContext.ACTOR, cause.actor() == null ? MessageContext.SYSTEM_ACTOR : cause.actor());
        metaData.put(MessageContext.CORRELATION, cause.correlationId() == null ? cause.id() : cause.correlationId());
        metaData.put(MessageContext.CAUSATION, cause.id());
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        commands.sendAndWait(message);
    }
}
