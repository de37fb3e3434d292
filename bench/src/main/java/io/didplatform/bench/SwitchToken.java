package io.didplatform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code Authorization} header a service takes directly, behind the gateway's back: a gateway token from
 * {@code bin/gateway-token} (valid 60 s), fetched again when half its life is gone.
 */
final class SwitchToken implements Supplier<String> {
    private static final long RENEW_AFTER_NANOS = 30_000_000_000L;

    private final List<String> command;
    private volatile String header;
    private volatile long fetchedAt;

    SwitchToken(List<String> command) {
        this.command = command;
    }

    @Override
    public String get() {
        long now = System.nanoTime();
        if (header == null || now - fetchedAt > RENEW_AFTER_NANOS) {
            synchronized (this) {
                if (header == null || now - fetchedAt > RENEW_AFTER_NANOS) {
                    header = "Authorization: Bearer " + fetch() + "\r\n";
                    fetchedAt = now;
                }
            }
        }
        return header;
    }

    private String fetch() {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (process.waitFor() != 0 || token.isEmpty()) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' gave no token");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted fetching a token", e);
        }
    }
}
