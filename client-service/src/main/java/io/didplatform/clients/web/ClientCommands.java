package io.didplatform.clients.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a request's command, once more if the client's stream moved under it: an inventory answer being applied
 * to the same client can commit just after this command loaded the client, and the event store then refuses the
 * second writer. Reloading and deciding again is always safe; the refusal is not the caller's business.
 */
@Component
class ClientCommands {
    private static final int ATTEMPTS = 3;
    private final CommandGateway gateway;

    ClientCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    void send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                gateway.sendAndWait(command);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConcurrencyConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
