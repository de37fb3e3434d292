package io.didplatform.contracts;

/**
 * A number refused by {@link DidNumber}: the caller's input, not a fault of the service, so it carries no stack trace.
 * The services answer it with 400 and the code {@value #CODE}.
 */
public class InvalidDidNumberException extends IllegalArgumentException {
    public static final String CODE = "INVALID_NUMBER";

    InvalidDidNumberException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
