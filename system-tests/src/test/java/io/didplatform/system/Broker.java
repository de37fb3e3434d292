package io.didplatform.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test run's Kafka broker, as bin/system-tests started it with bin/kafka (KAFKA_PORT, KAFKA_DATA_DIR in the
 * environment): killed as {@code kill -9} would, and started again on the same data directory.
 */
final class Broker {
    private final Path root;
    private final Path dataDir = Path.of(required("KAFKA_DATA_DIR"));

    Broker(Path root) {
        this.root = root;
        required("KAFKA_PORT");
    }

    /** SIGKILL: no orderly shutdown, no flush; returns once the process has gone. */
    void kill() throws IOException {
        long pid = Long.parseLong(Files.readString(dataDir.resolve("broker.pid")).trim());
        ProcessHandle broker = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no Kafka broker with pid " + pid));
        broker.destroyForcibly();
        broker.onExit().join();
    }

    /** Starts it again on the same data; returns once it is ready (bin/kafka waits for that). */
    void start() throws IOException, InterruptedException {
        ProcessBuilder start = new ProcessBuilder(root.resolve("bin/kafka").toString(), "start")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        root.resolve("system-tests/target/platform-logs/broker-restarts.log").toFile()));
        // bin/system-tests asks for a fresh broker (KAFKA_FRESH=1); a restart keeps what the broker had
        Map<String, String> environment = start.environment();
        environment.remove("KAFKA_FRESH");
        int status = start.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("bin/kafka start failed (" + status + "); see " + dataDir.resolve("broker.log"));
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run this through reliability/run");
        }
        return value;
    }
}
