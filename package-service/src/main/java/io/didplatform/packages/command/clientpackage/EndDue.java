package io.didplatform.packages.command.clientpackage;

/** Deadline payload: a client package's {@code endsAt} came. */
record EndDue(String clientPackageId) {
}
