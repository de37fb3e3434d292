package io.didplatform.support.kafka;

/**
 * A Kafka record that is not an event this service can read (not a CloudEvent, an unknown type, an unreadable
 * payload): retrying cannot help, so it goes straight to the consumer's dead letters.
 */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
