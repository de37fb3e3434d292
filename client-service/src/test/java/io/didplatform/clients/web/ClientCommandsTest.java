package io.didplatform.clients.web;

import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ClientCommandsTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final ClientCommands commands = new ClientCommands(gateway);

    @Test
    void sendsAgainWhenTheClientsStreamMovedUnderTheCommand() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("moved")).thenReturn(null);
        commands.send("command");
        verify(gateway, times(2)).sendAndWait("command");
    }

    @Test
    void givesUpAfterThreeConflicts() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("moved"));
        assertThatThrownBy(() -> commands.send("command")).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(3)).sendAndWait("command");
    }

    @Test
    void passesBusinessRefusalsStraightOn() {
        when(gateway.sendAndWait(any())).thenThrow(DomainException.conflict("LIMIT_REACHED", "full"));
        assertThatThrownBy(() -> commands.send("command")).isInstanceOf(DomainException.class);
        verify(gateway, times(1)).sendAndWait("command");
    }
}
