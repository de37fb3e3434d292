package io.didplatform.inventory.process;

import io.didplatform.inventory.command.did.EndHold;
import io.didplatform.inventory.command.registry.JdbcClientPackageHoldings;
import io.didplatform.inventory.config.HoldSettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ends the holds whose end has passed: looks for them in the holdings (where every hold's end is recorded with
 * the hold's event) at start-up and then every {@code did.hold.expiry.poll-interval}, and sends each DID
 * {@link EndHold}. A hold that fell due while the service was down ends at start-up. One instance at a time
 * looks (the others skip while it holds the task's lock); a DID releases once even if two did send the command.
 */
@Component
class HoldExpiry extends DuePoller {
    private final JdbcClientPackageHoldings holdings;

    HoldExpiry(JdbcClientPackageHoldings holdings, CommandBatch commands, HoldSettings settings, Clock clock) {
        super(commands, settings.cascade().batchSize(), clock);
        this.holdings = holdings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "hold-expiry")
    @Scheduled(fixedDelayString = "${did.hold.expiry.poll-interval}", initialDelayString = "${did.hold.expiry.poll-interval}")
    void endDueHolds() {
        sendDue();
    }

    @Override
    List<String> due(Instant now, int limit) {
        return holdings.holdsEndedBy(now, limit);
    }

    @Override
    Object end(String number, Instant now) {
        return new EndHold(number, now);
    }
}
