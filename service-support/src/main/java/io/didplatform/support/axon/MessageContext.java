package io.didplatform.support.axon;

/**
 * Metadata keys that travel from a request or an inbound Kafka event through commands to the events they
 * cause, and out again as CloudEvent extensions ({@code actor}, {@code correlationid}, {@code causationid}).
 */
public final class MessageContext {
    /** The user or service that caused the message: for a request, the caller the gateway's token states. */
    public static final String ACTOR = "actor";
    /** The id shared by every message of one business flow. */
    public static final String CORRELATION = "correlationId";
    /** The id of the event that directly caused this message, when an event did. */
    public static final String CAUSATION = "causationId";
    /** An optional HTTP header a caller may set to correlate its requests. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** The actor of work the service does by itself (deadlines, start-up recovery). */
    public static final String SYSTEM_ACTOR = "system";

    private MessageContext() {
    }
}
