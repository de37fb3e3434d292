package io.didplatform.inventory;

import io.didplatform.inventory.process.job.BulkJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.SpringApplication;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BulkJobRecoveryIT extends InventoryITBase {
    @Autowired
    ApplicationContext context;
    @Value("${did.jobs.instance-id}")
    String instance;

    private UUID runningJob(String owner, String heartbeatAge) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into did_job (id, kind, state, total, succeeded, actor, owner, created_at, heartbeat_at)
                values (?, 'CREATE_RANGE', 'RUNNING', 1000, 400, 'carol', ?, now(), now() - ?::interval)""",
                id, owner, heartbeatAge);
        return id;
    }

    private String state(UUID id) {
        return jdbc.queryForObject("select state from did_job where id = ?", String.class, id);
    }

    @Test
    void jobsInterruptedByARestartOrASilentInstanceEndFailedAndLiveOnesKeepRunning() {
        UUID mine = runningJob(instance, "1 second");
        UUID silent = runningJob("other-host:8081", "10 minutes");
        UUID alive = runningJob("other-host:8081", "1 second");

        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                (org.springframework.context.ConfigurableApplicationContext) context, java.time.Duration.ZERO));

        assertThat(state(mine)).isEqualTo("FAILED");
        assertThat(state(silent)).isEqualTo("FAILED");
        assertThat(state(alive)).isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("select detail from did_job where id = ?", String.class, mine))
                .contains("Interrupted");
        jdbc.update("update did_job set state = 'FAILED' where id = ?", alive);
        assertThat(context.getBean(BulkJobs.class).find(mine)).get()
                .satisfies(report -> assertThat(report.succeeded()).isEqualTo(400));
    }
}
