package io.didplatform.packages.process;

import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.packages.command.clientpackage.DeactivateClientPackage;
import io.didplatform.packages.command.clientpackage.ResumeClientPackage;
import io.didplatform.packages.command.clientpackage.TerminateClientPackage;
import io.didplatform.packages.command.lookup.ClientPackageRegistry;
import io.didplatform.packages.command.lookup.KnownClients;
import io.didplatform.support.kafka.InboundCommands;
import io.didplatform.support.kafka.InboundEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A client's status reaches its client packages. SUSPENDED deactivates the active ones (reason CLIENT_SUSPENDED, so
 * inventory puts their DIDs on hold); ACTIVE again reactivates those, where they still may be; CLOSED terminates
 * every one (their DIDs are given back). Each command changes nothing when already done, so a redelivery is harmless.
 * <p>
 * An activation that commits after a status change read the client's packages is caught when its PackageActivated
 * comes by here: the client's row is read once the change's transaction has ended, and the status applied to it.
 */
@Component
@ProcessingGroup("client-status-cascade")
@DisallowReplay
public class ClientStatusCascade {
    private final ClientPackageRegistry clientPackages;
    private final KnownClients clients;
    private final CommandGateway commands;
    private final InboundCommands inboundCommands;
    private final Clock clock;

    ClientStatusCascade(ClientPackageRegistry clientPackages, KnownClients clients, CommandGateway commands, Clock clock) {
        this.clientPackages = clientPackages;
        this.clients = clients;
        this.commands = commands;
        this.inboundCommands = new InboundCommands(commands);
        this.clock = clock;
    }

    /** In the transaction that recorded the client's new status (the client's row is locked until it ends). */
    public void statusChanged(String clientId, ClientStatus status, InboundEvent cause) {
        switch (status) {
            case SUSPENDED -> clientPackages.activeOf(clientId).forEach(id ->
                    inboundCommands.send(new DeactivateClientPackage(id, DeactivationReason.CLIENT_SUSPENDED), cause));
            case CLOSED -> clientPackages.notTerminatedOf(clientId).forEach(id ->
                    inboundCommands.send(new TerminateClientPackage(id), cause));
            case ACTIVE -> clientPackages.suspendedOf(clientId).forEach(id ->
                    inboundCommands.send(new ResumeClientPackage(id, clock.instant()), cause));
        }
    }

    @EventHandler
    void on(PackageActivated event) {
        clients.settledStatus(event.clientId()).ifPresent(status -> {
            switch (status) {
                case SUSPENDED -> commands.sendAndWait(
                        new DeactivateClientPackage(event.clientPackageId(), DeactivationReason.CLIENT_SUSPENDED));
                case CLOSED -> commands.sendAndWait(new TerminateClientPackage(event.clientPackageId()));
                case ACTIVE -> { }
            }
        });
    }
}
