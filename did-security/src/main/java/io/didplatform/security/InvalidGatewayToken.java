package io.didplatform.security;

/** A request's gateway token cannot be trusted; the message says why, in words fit for the caller. */
public class InvalidGatewayToken extends Exception {
    InvalidGatewayToken(String message) {
        super(message);
    }
}
