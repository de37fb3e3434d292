package io.didplatform.packages.process;

import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.contracts.packages.PackageUpdated;
import io.didplatform.packages.command.clientpackage.DeactivateClientPackage;
import io.didplatform.packages.command.lookup.ClientPackageRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A package that is no longer ACTIVE (DISABLED or ARCHIVED) takes its active client packages down with it:
 * each gets PackageDeactivated with reason PACKAGE_DISABLED. Enabling the package again does not reactivate
 * them; staff activate each one. Deactivation is a no-op when already inactive, so a redelivery changes nothing.
 */
@Component
@ProcessingGroup("package-disabled-cascade")
@DisallowReplay
class PackageDisabledCascade {
    private final ClientPackageRegistry clientPackages;
    private final CommandGateway commands;

    PackageDisabledCascade(ClientPackageRegistry clientPackages, CommandGateway commands) {
        this.clientPackages = clientPackages;
        this.commands = commands;
    }

    @EventHandler
    void on(PackageUpdated event) {
        if (event.status() == PackageStatus.ACTIVE) {
            return;
        }
        for (String clientPackageId : clientPackages.activeUnder(event.packageId())) {
            commands.sendAndWait(new DeactivateClientPackage(clientPackageId, DeactivationReason.PACKAGE_DISABLED));
        }
    }
}
