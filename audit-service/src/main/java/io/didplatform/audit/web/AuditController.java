package io.didplatform.audit.web;

import io.didplatform.audit.query.AuditEventFilter;
import io.didplatform.audit.query.AuditEventResponse;
import io.didplatform.audit.query.AuditLog;
import io.didplatform.support.web.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/audit")
class AuditController {
    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** The event log, newest first. */
    @GetMapping("/events")
    PageResponse<AuditEventResponse> events(@RequestParam(required = false) String type,
                                            @RequestParam(required = false) String subject,
                                            @RequestParam(required = false) String actor,
                                            @RequestParam(required = false) String correlationId,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                            @PageableDefault(size = 50) Pageable pageable) {
        return auditLog.events(new AuditEventFilter(type, subject, actor, correlationId, from, to), pageable);
    }
}
