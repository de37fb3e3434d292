package io.didplatform.packages;

import io.didplatform.packages.command.clientpackage.CreateClientPackage;
import io.didplatform.packages.command.pkg.CreatePackage;
import io.didplatform.security.GatewayTokens;
import io.didplatform.testing.TestGatewayTokens;
import io.didplatform.testing.TestInfrastructure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client package's end came while package-service was down: the next start-up deactivates it at once.
 * Runs the service twice on its own database, outside the shared test context.
 */
class OverdueDeadlineIT {

    @Test
    void anEndThatCameDueWhileTheServiceWasDownFiresOnStartUp() {
        Map<String, Object> properties = new HashMap<>();
        TestInfrastructure.register((name, value) -> properties.put(name, value.get()), "did_package_restart_it");
        properties.put("server.port", "0");
        properties.put("db-scheduler.polling-interval", "1s");
        // its own consumer group: the shared test context must not take this one's partitions
        properties.put("spring.kafka.consumer.group-id", "package-service-restart-it-" + UUID.randomUUID());
        properties.put("spring.kafka.consumer.auto-offset-reset", "latest");
        properties.put(GatewayTokens.SECRET_PROPERTY, TestGatewayTokens.SECRET);

        String clientPackageId = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start(properties)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("insert into known_client (id, name, status) values ('client-1', 'ACME', 'ACTIVE')");
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new CreatePackage("pkg-1", "Gold", 2, List.of("nyc"), null, null));
            commands.sendAndWait(new CreateClientPackage(clientPackageId, "client-1", "pkg-1", null,
                    Instant.now().plus(Duration.ofHours(1)), Instant.now()));
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class)).isEqualTo(1);
        }

        // while the service is down, the end comes and goes
        JdbcTemplate offline = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                (String) properties.get("spring.datasource.url"), (String) properties.get("spring.datasource.username"),
                (String) properties.get("spring.datasource.password")));
        offline.update("update scheduled_tasks set execution_time = now() - interval '1 minute'");

        try (ConfigurableApplicationContext second = start(properties)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%PackageDeactivated'",
                    Integer.class, clientPackageId) == 1);
            // db-scheduler removes the task just after the handler's transaction commits
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class) == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select deactivation_reason from client_package_view where id = ?", String.class, clientPackageId),
                    "ENDED"::equals);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // as command-line arguments: they must win over the service's defaults, as in a test context
        return new SpringApplicationBuilder(PackageApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }
}
