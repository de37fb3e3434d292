package io.didplatform.packages.command.clientpackage;

import java.util.List;

/** The answer to CreateClientPackage: what the client got and whether it is active already. */
public record ClientPackageGiven(int didLimit, List<String> tags, boolean active) {
}
