package io.didplatform.inventory.process.job;

/** Thrown into a running job's work at its next progress report after someone asked to cancel it. */
class JobCancelled extends RuntimeException {
    JobCancelled() {
        super("cancelled", null, false, false);
    }
}
