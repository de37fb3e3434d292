package io.didplatform.support.kafka;

/** A Kafka record that is not a readable CloudEvent: retrying cannot help, so it is logged and skipped. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
