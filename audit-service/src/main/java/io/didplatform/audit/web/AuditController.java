package io.didplatform.audit.web;

import io.didplatform.audit.query.AuditEventFilter;
import io.didplatform.audit.query.AuditEventResponse;
import io.didplatform.audit.query.AuditLog;
import io.didplatform.audit.query.DidSnapshot;
import io.didplatform.audit.query.EntityHistory;
import io.didplatform.audit.query.HistoryEntry;
import io.didplatform.audit.query.InventoryAsOf;
import io.didplatform.audit.query.InventoryFilter;
import io.didplatform.audit.query.chain.ChainVerifier;
import io.didplatform.audit.query.projection.EntityKind;
import io.didplatform.audit.query.projection.RebuildJobs;
import io.didplatform.audit.query.projection.RebuildJobs.RebuildJob;
import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.InvalidDidNumberException;
import io.didplatform.support.security.AuthenticatedCaller;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.PageResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The auditors' API. Who may call what (AUDITOR/ADMIN read, no export for OPERATOR) is the gateway's rule. */
@RestController
@RequestMapping("/api/audit")
class AuditController {
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AuditLog auditLog;
    private final EntityHistory history;
    private final InventoryAsOf asOf;
    private final EventLogExport export;
    private final RebuildJobs rebuilds;
    private final ChainVerifier verifier;
    private final Clock clock;

    AuditController(AuditLog auditLog, EntityHistory history, InventoryAsOf asOf, EventLogExport export,
                    RebuildJobs rebuilds, ChainVerifier verifier, Clock clock) {
        this.auditLog = auditLog;
        this.history = history;
        this.asOf = asOf;
        this.export = export;
        this.rebuilds = rebuilds;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** The event log, newest first unless {@code sort} says otherwise (at, type, subject, actor, source). */
    @GetMapping("/events")
    PageResponse<AuditEventResponse> events(@RequestParam(required = false) String type,
                                            @RequestParam(required = false) String subject,
                                            @RequestParam(required = false) String actor,
                                            @RequestParam(required = false) String correlationId,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                            @PageableDefault(size = 50) Pageable pageable) {
        return auditLog.events(new AuditEventFilter(type, subject(subject), actor, correlationId, from, to), pageable);
    }

    /** The same selection as {@code /events}, oldest first, as a streamed CSV or XLSX file. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String subject,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String correlationId,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        AuditEventFilter filter = new AuditEventFilter(type, subject(subject), actor, correlationId, from, to);
        return switch (format) {
            case "csv" -> file("audit-events.csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                    out -> export.csv(filter, out));
            case "xlsx" -> file("audit-events.xlsx", XLSX, out -> export.xlsx(filter, out));
            default -> throw DomainException.invalid("UNKNOWN_FORMAT", "format must be csv or xlsx, not '" + format + "'");
        };
    }

    /** An entity's change history, oldest first: dids (by number), operators, packages, client-packages, clients. */
    @GetMapping("/{kind}/{id}/history")
    PageResponse<HistoryEntry> history(@PathVariable String kind, @PathVariable String id,
                                       @PageableDefault(size = 100) Pageable pageable) {
        EntityKind entityKind = EntityKind.fromPath(kind).orElseThrow(() -> DomainException.notFound("UNKNOWN_KIND",
                "No history is kept for '" + kind + "'; ask for dids, operators, packages, client-packages or clients"));
        String entityId = entityKind == EntityKind.DID ? DidNumber.normalise(id) : id;
        PageResponse<HistoryEntry> entries = history.of(entityKind, entityId, pageable);
        if (entries.page().totalElements() == 0) {
            throw DomainException.notFound("NO_HISTORY", "No event was ever seen for " + kind + "/" + entityId);
        }
        return entries;
    }

    /** A DID as it was at {@code at} (default: now). */
    @GetMapping("/dids/{number}")
    DidSnapshot didAt(@PathVariable String number,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        Instant moment = at == null ? clock.instant() : at;
        String normalised = DidNumber.normalise(number);
        return asOf.did(normalised, moment).orElseThrow(() -> DomainException.notFound("DID_NOT_FOUND",
                "DID " + normalised + " did not exist at " + moment));
    }

    /** The whole inventory as it was at {@code at} (default: now), filtered, by number. */
    @GetMapping("/inventory")
    PageResponse<DidSnapshot> inventoryAt(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String operatorId,
                                          @RequestParam(required = false) String tag,
                                          @RequestParam(required = false) String clientId,
                                          @PageableDefault(size = 50) Pageable pageable) {
        return asOf.inventory(new InventoryFilter(at == null ? clock.instant() : at, status, operatorId, tag, clientId),
                pageable);
    }

    /**
     * Starts rebuilding every projection from the stored events: 202 with the RUNNING job at its {@code Location};
     * 409 {@code REBUILD_RUNNING} while another rebuild runs.
     */
    @PostMapping("/rebuild")
    ResponseEntity<RebuildJob> rebuild(HttpServletRequest request) {
        RebuildJob job = rebuilds.start(AuthenticatedCaller.actorOf(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/audit/rebuild/" + job.id())).body(job);
    }

    /** A rebuild: RUNNING, then COMPLETED with its report (counts and content hash before and after, identical?) or FAILED. */
    @GetMapping("/rebuild/{id}")
    RebuildJob rebuildJob(@PathVariable UUID id) {
        return rebuilds.find(id).orElseThrow(() -> DomainException.notFound("REBUILD_NOT_FOUND", "No rebuild " + id));
    }

    /**
     * Recomputes the audit chain over one DID's events ({@code did}), another entity's ({@code subject}: its id), or
     * the events with a time in [from, to) and the roots covering them: how many entries agree, and the first that
     * does not (null when none).
     */
    @GetMapping("/verify")
    ChainVerifier.Report verify(@RequestParam(required = false) String did,
                                @RequestParam(required = false) String subject,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        boolean byDid = did != null && !did.isBlank();
        boolean bySubject = subject != null && !subject.isBlank();
        boolean byRange = from != null || to != null;
        if (byDid && !bySubject && !byRange) {
            return verifier.stream(DidNumber.normalise(did));
        }
        if (bySubject && !byDid && !byRange) {
            return verifier.stream(subject);
        }
        if (!byDid && !bySubject && from != null && to != null && from.isBefore(to)) {
            return verifier.range(from, to);
        }
        throw DomainException.invalid("INVALID_VERIFY_REQUEST", "Verify one DID (did=<number>), one other entity "
                + "(subject=<id>) or one time range (from and to, from before to), one of them only");
    }

    /** A subject is an entity's id; a DID's is its number, which a caller may write as people do ({@code +1 555 ...}). */
    private static String subject(String given) {
        if (given == null) {
            return null;
        }
        try {
            return DidNumber.normalise(given);
        } catch (InvalidDidNumberException notANumber) {
            return given;
        }
    }

    private static ResponseEntity<StreamingResponseBody> file(String name, MediaType type, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type)
                .body(body);
    }
}
