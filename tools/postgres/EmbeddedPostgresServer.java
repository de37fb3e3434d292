import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL server (zonky's embedded binaries) until this process is stopped.
 * Usage: java -cp 'libs/*' EmbeddedPostgresServer.java PORT DATA_DIR. Data persists in DATA_DIR between runs.
 */
public class EmbeddedPostgresServer {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println("Embedded PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + " (user postgres)");
        new CountDownLatch(1).await();
    }
}
