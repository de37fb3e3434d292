package io.didplatform.inventory.web;

import io.didplatform.inventory.query.did.HoldsAhead;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.SpreadsheetText;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Holds ahead (docs/api.md): the DIDs on HOLD whose hold ends before a time ({@code endingBefore}) or within the
 * next {@code days} days (7 when neither is given), by client and client package, with what each becomes then;
 * also as CSV, so staff can reactivate a package before its numbers are lost.
 */
@RestController
@RequestMapping("/api/dids/holds")
class HoldsAheadController {
    static final List<String> HEADER = List.of("clientId", "clientPackageId", "did", "holdUntil", "afterHoldStatus", "tag");
    private static final int DEFAULT_DAYS = 7;
    private static final int MAX_DAYS = 3650;

    private final HoldsAhead holds;
    private final Clock clock;

    HoldsAheadController(HoldsAhead holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    @GetMapping
    HoldsAhead.HoldsAheadResponse holds(@RequestParam(required = false) Instant endingBefore,
                                        @RequestParam(required = false) Integer days) {
        return holds.endingBefore(before(endingBefore, days));
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Instant endingBefore,
                                                 @RequestParam(required = false) Integer days) {
        Instant before = before(endingBefore, days);
        StreamingResponseBody body = out -> {
            try (DidExportWriter csv = DidExportWriter.csv(out)) {
                csv.write(HEADER);
                holds.each(before, Integer.MAX_VALUE, row -> csv.write(Arrays.asList(
                        SpreadsheetText.neutralised(row.clientId()), SpreadsheetText.neutralised(row.clientPackageId()),
                        row.did().number(), row.did().holdUntil().toString(), row.did().afterHoldStatus().name(),
                        SpreadsheetText.neutralised(row.did().tag()))));
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("holds-ahead.csv").build().toString())
                .body(body);
    }

    private Instant before(Instant endingBefore, Integer days) {
        if (endingBefore != null && days != null) {
            throw DomainException.invalid("INVALID_REQUEST", "Give endingBefore or days, not both");
        }
        if (endingBefore != null) {
            return endingBefore;
        }
        int within = days == null ? DEFAULT_DAYS : days;
        if (within < 1 || within > MAX_DAYS) {
            throw DomainException.invalid("INVALID_REQUEST", "days must be 1 to " + MAX_DAYS);
        }
        return clock.instant().plus(Duration.ofDays(within));
    }
}
