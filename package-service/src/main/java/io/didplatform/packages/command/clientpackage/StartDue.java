package io.didplatform.packages.command.clientpackage;

/** Deadline payload: a client package's {@code startsAt} came. */
record StartDue(String clientPackageId) {
}
