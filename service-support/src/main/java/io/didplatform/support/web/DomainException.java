package io.didplatform.support.web;

/**
 * A business refusal the caller must see: a stable {@code code} (e.g. {@code NOT_IN_STOCK}) and a sentence
 * saying why. Aggregates and services throw it; the web layer maps its {@link Kind} to an HTTP status.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** The request itself is wrong: 400. */
        INVALID,
        /** The thing asked for does not exist: 404. */
        NOT_FOUND,
        /** The request is well-formed but the current state refuses it: 409. */
        CONFLICT,
        /** The answer cannot be told yet (a read model catching up after an outage); asking again will: 503. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
    }

    public static DomainException invalid(String code, String detail) {
        return new DomainException(Kind.INVALID, code, detail);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(Kind.NOT_FOUND, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail);
    }

    public static DomainException unavailable(String code, String detail) {
        return new DomainException(Kind.UNAVAILABLE, code, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
