package io.didplatform.inventory.web;

import io.didplatform.inventory.command.did.DidFields;
import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.command.registry.JdbcDidRegistry;
import io.didplatform.inventory.process.importing.DidImport;
import io.didplatform.inventory.process.importing.ImportDefaults;
import io.didplatform.inventory.process.importing.UnreadableFileException;
import io.didplatform.inventory.process.job.JobReport;
import io.didplatform.inventory.query.did.DidFilter;
import io.didplatform.inventory.query.did.DidSearch;
import io.didplatform.inventory.query.operator.OperatorProjection;
import io.didplatform.support.web.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** DIDs in and out as files: import (.csv, .xls, .xlsx) as a job; export of a filter's DIDs, streamed. */
@RestController
@RequestMapping("/api/dids")
class DidFileController {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DidImport importer;
    private final DidSearch search;
    private final JdbcDidRegistry registry;
    private final JobRequests jobRequests;
    private final Clock clock;

    private final OperatorProjection operators;

    DidFileController(DidImport importer, DidSearch search, JdbcDidRegistry registry, JobRequests jobRequests,
                      OperatorProjection operators, Clock clock) {
        this.operators = operators;
        this.importer = importer;
        this.search = search;
        this.registry = registry;
        this.jobRequests = jobRequests;
        this.clock = clock;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobReport> importFile(@RequestPart("file") MultipartFile file,
                                         @RequestParam(required = false) String operatorId,
                                         @RequestParam(required = false) DidStatus status,
                                         @RequestParam(required = false) DidStatus afterHoldStatus,
                                         @RequestParam(required = false) String tag,
                                         @RequestParam(defaultValue = "false") boolean dryRun,
                                         HttpServletRequest http) {
        if (operatorId != null && !operatorId.isBlank() && registry.resolveOperator(operatorId.trim()) == null) {
            throw DomainException.invalid("OPERATOR_NOT_FOUND", "No operator " + operatorId);
        }
        DidFields.settableOrNone(status, "status");
        DidFields.settableOrNone(afterHoldStatus, "afterHoldStatus");
        ImportDefaults defaults = new ImportDefaults(operatorId, status == null ? null : status.name(),
                afterHoldStatus == null ? null : afterHoldStatus.name(), tag);
        Path copy = keep(file);
        DidImport.CheckedFile checked;
        try {
            checked = importer.check(copy, file.getOriginalFilename(), defaults);
        } catch (UnreadableFileException e) {
            DidImport.delete(copy);
            throw DomainException.invalid("UNREADABLE_FILE", e.getMessage());
        }
        return jobRequests.start("IMPORT", dryRun, checked.rows(), http,
                (progress, metaData) -> importer.run(checked, defaults, progress, metaData));
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) String number,
                                                 @RequestParam(required = false) DidStatus status,
                                                 @RequestParam(required = false) String operatorId,
                                                 @RequestParam(required = false) String tag,
                                                 @RequestParam(required = false) String clientId) {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw DomainException.invalid("INVALID_FORMAT", "format is csv or xlsx");
        }
        DidFilter filter = new DidFilter(DidNumber.prefix(number), status, operatorId, tag, clientId);
        Map<String, String> operatorNames = operators.namesById();
        StreamingResponseBody body = out -> {
            try (DidExportWriter writer = kind.equals("csv") ? DidExportWriter.csv(out) : DidExportWriter.xlsx(out)) {
                writer.write(ExportCells.HEADER);
                search.forEach(filter, did -> writer.write(ExportCells.of(did, operatorNames)));
            }
        };
        return ResponseEntity.ok()
                .contentType(kind.equals("csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dids-" + STAMP.format(clock.instant()) + "." + kind).build().toString())
                .body(body);
    }

    /** The upload, copied where the job can read it after the request ends. */
    private static Path keep(MultipartFile file) {
        if (file.isEmpty()) {
            throw DomainException.invalid("UNREADABLE_FILE", "The uploaded file is empty");
        }
        try {
            Path copy = Files.createTempFile("did-import-", ".upload");
            file.transferTo(copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
