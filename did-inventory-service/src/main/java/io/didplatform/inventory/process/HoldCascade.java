package io.didplatform.inventory.process;

import io.didplatform.inventory.command.did.FollowClientPackage;
import io.didplatform.inventory.command.registry.JdbcClientPackageHoldings.StateChange;
import io.didplatform.inventory.command.registry.JdbcClientPackageHoldings;
import io.didplatform.inventory.config.HoldSettings;
import io.didplatform.support.axon.MessageContext;
import io.didplatform.support.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries a client package's state (active, inactive, terminated) to the DIDs it holds: one
 * {@link FollowClientPackage} per DID the state may change (not on hold when inactive, on hold when active),
 * which holds, restores or releases it as the package's state asks and otherwise does nothing. Fast for packages
 * with many DIDs: the commands go in {@link CommandBatch}es, several batches at once.
 * <p>
 * A cascade runs on one instance at a time ({@link CascadeLocks}) and is marked done for the state version it
 * carried. A package whose latest change was not carried (the instance carrying it died midway, a batch failed, a
 * newer change came while an older one ran) is cascaded by the sweep every instance runs, at the first round that
 * finds no instance cascading it. Since each DID's command reads the package's state when it runs, repeating a
 * cascade, or running an older one after a newer one, still ends with every DID in line with the latest state.
 */
@Component
public class HoldCascade {
    private static final Logger log = LoggerFactory.getLogger(HoldCascade.class);
    private static final Map<String, String> SYSTEM = Map.of(MessageContext.ACTOR, MessageContext.SYSTEM_ACTOR);

    private final JdbcClientPackageHoldings holdings;
    private final CommandBatch commands;
    private final CascadeLocks locks;
    private final Duration holdPeriod;
    private final int batchSize;
    private final ExecutorService workers;

    HoldCascade(JdbcClientPackageHoldings holdings, CommandBatch commands, CascadeLocks locks,
                HoldSettings settings) {
        this.holdings = holdings;
        this.commands = commands;
        this.locks = locks;
        this.holdPeriod = settings.period();
        this.batchSize = settings.cascade().batchSize();
        this.workers = Executors.newFixedThreadPool(settings.cascade().threads(), runnable -> {
            Thread thread = new Thread(runnable, "hold-cascade");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Brings every DID of the client package in line with its latest state, unless an instance cascades the package
     * now (the sweep follows up on what that one did not carry); {@code metaData} (actor, correlation, causation)
     * goes on every command. Never throws: what fails is left for the sweep.
     */
    public void converge(String clientPackageId, Map<String, ?> metaData) {
        // its lines name the request that changed the client package, when it is known
        Object correlation = metaData.get(MessageContext.CORRELATION);
        try (MDC.MDCCloseable ignored = correlation == null ? null
                : MDC.putCloseable(RequestIdFilter.MDC_KEY, correlation.toString())) {
            if (!locks.runIfFree(clientPackageId, () -> cascade(clientPackageId, metaData))) {
                log.debug("Client package {} is being cascaded elsewhere; the sweep carries what it leaves", clientPackageId);
            }
        } catch (RuntimeException e) {
            log.warn("Cascade of client package {} could not start; the sweep will repeat it", clientPackageId, e);
        }
    }

    private void cascade(String clientPackageId, Map<String, ?> metaData) {
        try {
            StateChange change = holdings.latest(clientPackageId).orElse(null);
            if (change == null || change.cascaded()) {
                return; // carried already, e.g. by another instance's sweep while the listener committed
            }
            long started = System.nanoTime();
            Instant holdUntil = change.changedAt().plus(holdPeriod);
            List<String> numbers = holdings.numbersToFollow(clientPackageId, change.state());
            List<CompletableFuture<Boolean>> batches = new ArrayList<>();
            for (int from = 0; from < numbers.size(); from += batchSize) {
                List<FollowClientPackage> batch = numbers.subList(from, Math.min(numbers.size(), from + batchSize)).stream()
                        .map(number -> new FollowClientPackage(number, clientPackageId, holdUntil)).toList();
                batches.add(CompletableFuture.supplyAsync(() -> commands.send(batch, metaData), workers));
            }
            boolean allDone = batches.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
            if (allDone) {
                holdings.cascaded(clientPackageId, change.version());
            }
            log.info("Client package {} is {}: {} of its DIDs followed in {} ms", clientPackageId, change.state(),
                    numbers.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Cascade of client package {} failed; the sweep will repeat it", clientPackageId, e);
        }
    }

    /**
     * Cascades the packages whose latest change is not carried and that no instance cascades now: at start-up, a
     * cascade the last run left; after an instance died mid-cascade, its cascade, within one interval.
     */
    @Scheduled(fixedDelayString = "${did.hold.cascade.sweep-interval}",
            initialDelayString = "${did.hold.cascade.sweep-interval}")
    void sweep() {
        holdings.awaitingCascade().forEach(clientPackageId -> converge(clientPackageId, SYSTEM));
    }
}
