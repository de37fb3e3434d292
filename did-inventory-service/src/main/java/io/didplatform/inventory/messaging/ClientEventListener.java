package io.didplatform.inventory.messaging;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.clients.DidRoutingChangeRequested;
import io.didplatform.contracts.clients.DidUnblockRequested;
import io.didplatform.inventory.command.did.AssignDid;
import io.didplatform.inventory.command.did.BlockDid;
import io.didplatform.inventory.command.did.ChangeDidRouting;
import io.didplatform.inventory.command.did.ReturnDid;
import io.didplatform.inventory.command.did.UnblockDid;
import io.didplatform.inventory.config.HoldSettings;
import io.didplatform.support.kafka.EventInbox.Delivery;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.InboundCommands;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Inventory's half of the assignment saga and of a client's requests about its DIDs: each request becomes a
 * command on the DID, whose aggregate decides (and serialises racing requests for one number). The command's
 * events and the processed mark commit in one transaction, so a redelivered request changes nothing.
 */
@Component
class ClientEventListener {
    private static final String CONSUMER = "did-inventory-service.clients";

    private final EventInbox inbox;
    private final InboundCommands commands;
    private final Duration holdPeriod;
    private final Clock clock;

    ClientEventListener(EventInbox inbox, CommandGateway commandGateway, HoldSettings settings, Clock clock) {
        this.inbox = inbox;
        this.commands = new InboundCommands(commandGateway);
        this.holdPeriod = settings.period();
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CLIENT)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = inbox.open(record);
        Object command = commandFor(delivery.payload(), clock.instant().plus(holdPeriod));
        // client records, confirmations and the like are none of inventory's business: not even marked
        if (command != null && inbox.firstDelivery(CONSUMER, delivery)) {
            commands.send(command, delivery.event());
        }
    }

    private static Object commandFor(Object payload, Instant holdUntil) {
        if (payload instanceof DidAssignmentRequested asked) {
            return new AssignDid(asked.number(), asked.requestId(), asked.clientId(), asked.clientPackageId(),
                    asked.destination(), asked.allowedTags(), holdUntil);
        }
        if (payload instanceof DidRoutingChangeRequested routing) {
            return new ChangeDidRouting(routing.number(), routing.clientId(), routing.destination());
        }
        if (payload instanceof DidBlockRequested block) {
            return new BlockDid(block.number(), block.clientId());
        }
        if (payload instanceof DidUnblockRequested unblock) {
            return new UnblockDid(unblock.number(), unblock.clientId());
        }
        if (payload instanceof DidReturnRequested giveBack) {
            return new ReturnDid(giveBack.number(), giveBack.clientId(), holdUntil);
        }
        return null;
    }
}
