package io.didplatform.packages.command.clientpackage;

/** The answer to activate/deactivate: whether the client package is active now, and whether this request changed it. */
public record ActivationState(boolean active, boolean changed) {
}
