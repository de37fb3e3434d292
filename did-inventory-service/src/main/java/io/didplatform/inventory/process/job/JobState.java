package io.didplatform.inventory.process.job;

public enum JobState {
    RUNNING, COMPLETED, FAILED, CANCELLED
}
