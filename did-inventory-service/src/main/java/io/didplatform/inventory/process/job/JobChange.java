package io.didplatform.inventory.process.job;

import io.didplatform.contracts.inventory.UndoneChange;

/**
 * A bulk job's change of one DID ({@link JobChanges}): {@code first} and {@code last} are the sequence numbers of
 * the DID's first and last event the job made (usually one).
 */
record JobChange(String number, UndoneChange change, long first, long last) {
}
