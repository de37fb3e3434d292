package io.didplatform.support.reconcile;

import io.didplatform.contracts.HeldDid;
import io.didplatform.support.web.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/admin/<service>/reconciliation} (ADMIN): runs every {@link ReconciliationCheck} of this instance
 * and answers what each compared and every difference with the ids involved. The gateway's
 * {@code /api/admin/reconciliation} asks every instance of every service. A service that keeps DIDs held by clients
 * (a {@link HeldDids} bean) also answers them in pages, for the gateway's check across services.
 */
@RestController
public class ReconciliationController {
    private static final int MAX_LIMIT = 10_000;

    private final List<ReconciliationCheck> checks;
    private final ObjectProvider<HeldDids> heldDids;
    private final Environment environment;

    /** A service without checks answers an empty, complete report. */
    public ReconciliationController(ObjectProvider<ReconciliationCheck> checks, ObjectProvider<HeldDids> heldDids,
                                    Environment environment) {
        this.checks = checks.orderedStream().toList();
        this.heldDids = heldDids;
        this.environment = environment;
    }

    /** One instance's answer; {@code differenceCount} -1 when a check could not run. */
    public record InstanceReport(String service, String instance, Instant checkedAt, long tookMillis,
                                 long differenceCount, boolean complete, List<CheckResult> checks) {
    }

    @GetMapping("/api/admin/${did.admin.service}/reconciliation")
    public InstanceReport reconcile(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("INVALID_LIMIT", "limit must be 1 to " + MAX_LIMIT);
        }
        Instant started = Instant.now();
        List<CheckResult> results = checks.stream().map(check -> runOne(check, limit)).toList();
        boolean complete = results.stream().allMatch(result -> result.differenceCount() >= 0);
        long differences = results.stream().mapToLong(result -> Math.max(0, result.differenceCount())).sum();
        return new InstanceReport(environment.getProperty("did.admin.service"), instance(), started,
                Duration.between(started, Instant.now()).toMillis(), differences, complete, results);
    }

    @GetMapping("/api/admin/${did.admin.service}/reconciliation/client-dids")
    public List<HeldDid> heldDids(@RequestParam(required = false) String after,
                                  @RequestParam(required = false) String through,
                                  @RequestParam(defaultValue = "" + HeldDids.MAX_PAGE) int limit) {
        HeldDids dids = heldDids.getIfAvailable();
        if (dids == null) {
            throw DomainException.notFound("NO_HELD_DIDS", "this service keeps no DIDs held by clients");
        }
        return dids.page(after, through, limit);
    }

    private static CheckResult runOne(ReconciliationCheck check, int limit) {
        try {
            return check.run(limit);
        } catch (RuntimeException e) {
            return CheckResult.failed(check.name(), e);
        }
    }

    private String instance() {
        return environment.getProperty("HOSTNAME", "localhost") + ":" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "?"));
    }
}
