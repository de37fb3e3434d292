package io.didplatform.inventory.web;

import io.didplatform.inventory.command.did.DidFields;
import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.command.did.CreateDid;
import io.didplatform.inventory.command.did.DeleteDid;
import io.didplatform.inventory.command.did.DidSnapshot;
import io.didplatform.inventory.command.did.UpdateDid;
import io.didplatform.inventory.config.BulkSettings;
import io.didplatform.inventory.config.DidSettings;
import io.didplatform.inventory.process.bulk.DidCreationJob;
import io.didplatform.inventory.process.bulk.DidMassChange;
import io.didplatform.inventory.process.bulk.DidRange;
import io.didplatform.inventory.process.bulk.DidRow;
import io.didplatform.inventory.process.bulk.DidSelection;
import io.didplatform.inventory.process.job.JobReport;
import io.didplatform.inventory.query.did.DidFilter;
import io.didplatform.inventory.query.did.DidResponse;
import io.didplatform.inventory.query.did.DidSearch;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.LateArrivals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** DIDs: create one, a list or a range; search; edit and delete one or many (bulk work runs as jobs). */
@RestController
@RequestMapping("/api/dids")
class DidController {
    private final CommandGateway commands;
    private final DidSearch search;
    private final RoutingTable routing;
    private final DidCreationJob creation;
    private final DidMassChange massChange;
    private final JobRequests jobRequests;
    private final long maxBulk;
    /**
     * Search and GET read the read model, and routing lookups the routing table, each a moment behind the event
     * store: a single create, edit or delete answers once both show it (waiting up to this long), so a GET or a
     * lookup right after agrees with the answer.
     */
    private final Duration readWait;

    DidController(CommandGateway commands, DidSearch search, RoutingTable routing, DidCreationJob creation,
                  DidMassChange massChange,
                  JobRequests jobRequests, BulkSettings bulk, DidSettings dids) {
        this.commands = commands;
        this.search = search;
        this.routing = routing;
        this.creation = creation;
        this.massChange = massChange;
        this.jobRequests = jobRequests;
        this.maxBulk = bulk.maxNumbers();
        this.readWait = dids.readWait();
    }

    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody DidRequests.Create request,
                             @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest http) {
        int given = (request.number() == null ? 0 : 1) + (request.numbers() == null ? 0 : 1) + (request.range() == null ? 0 : 1);
        if (given != 1) {
            throw DomainException.invalid("INVALID_REQUEST", "Give exactly one of number, numbers or range");
        }
        DidFields.settableOrNone(request.status(), "status");
        DidFields.settableOrNone(request.afterHoldStatus(), "afterHoldStatus");
        if (request.number() != null) {
            if (dryRun) {
                throw DomainException.invalid("DRY_RUN_NOT_SUPPORTED", "A dry run is for numbers or a range; "
                        + "creating one number refuses at once when it would fail");
            }
            String number = DidNumber.normalise(request.number());
            CreateDid command = new CreateDid(number, request.operatorId(), request.status(), request.afterHoldStatus(),
                    request.tag(), request.notes());
            commands.sendAndWait(command);
            DidResponse created = LateArrivals.await(() -> search.find(number).filter(this::routes), readWait).orElse(new DidResponse(number,
                    orInStock(request.status()), orInStock(request.afterHoldStatus()), request.operatorId(),
                    blankToNull(request.tag()), blankToNull(request.notes()), null, null, null, null, null, null));
            return ResponseEntity.created(URI.create("/api/dids/" + number)).body(created);
        }
        String status = request.status() == null ? null : request.status().name();
        String afterHold = request.afterHoldStatus() == null ? null : request.afterHoldStatus().name();
        if (request.range() != null) {
            DidRange range = DidRange.parse(request.range(), maxBulk);
            return jobRequests.start("CREATE_RANGE", dryRun, range.size(), http, (progress, metaData) -> creation.run(
                    range.rows(number -> new DidRow(null, number, request.operatorId(), status, afterHold,
                            request.tag(), request.notes())), progress, metaData));
        }
        if (request.numbers().isEmpty() || request.numbers().size() > maxBulk) {
            throw DomainException.invalid("INVALID_REQUEST", "numbers must hold 1 to " + maxBulk + " numbers");
        }
        List<DidRow> rows = request.numbers().stream().map(number -> new DidRow(null, number, request.operatorId(),
                status, afterHold, request.tag(), request.notes())).toList();
        return jobRequests.start("CREATE_LIST", dryRun, rows.size(), http,
                (progress, metaData) -> creation.run(rows.iterator(), progress, metaData));
    }

    @GetMapping
    DidSearch.DidPage search(@RequestParam(required = false) String number,
                             @RequestParam(required = false) DidStatus status,
                             @RequestParam(required = false) String operatorId,
                             @RequestParam(required = false) String tag,
                             @RequestParam(required = false) String clientId,
                             @PageableDefault(size = 50, sort = "number") Pageable pageable) {
        return search.search(new DidFilter(DidNumber.prefix(number), status, operatorId, tag, clientId), pageable);
    }

    @GetMapping("/{number}")
    DidResponse get(@PathVariable String number) {
        String normalised = DidNumber.normalise(number);
        return search.find(normalised)
                .orElseThrow(() -> DomainException.notFound("DID_NOT_FOUND", "No DID " + normalised));
    }

    @PatchMapping("/{number}")
    DidResponse update(@PathVariable String number, @Valid @RequestBody DidRequests.Change change) {
        DidFields.settableOrNone(change.status(), "status");
        DidFields.settableOrNone(change.afterHoldStatus(), "afterHoldStatus");
        DidSnapshot did = commands.sendAndWait(new UpdateDid(DidNumber.normalise(number), change.operatorId(),
                change.status(), change.afterHoldStatus(), change.tag(), change.notes()));
        return LateArrivals.await(() -> search.find(did.number()).filter(view -> shows(view, did) && routes(view)), readWait)
                .orElse(new DidResponse(did.number(), did.status(), did.afterHoldStatus(), did.operatorId(), did.tag(),
                        did.notes(), did.clientId(), did.clientPackageId(), did.destination(), did.holdUntil(), null, null));
    }

    @DeleteMapping("/{number}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String number) {
        String normalised = DidNumber.normalise(number);
        commands.sendAndWait(new DeleteDid(normalised));
        LateArrivals.until(() -> search.find(normalised).isEmpty() && routing.find(normalised).isEmpty(), readWait);
    }

    /** This instance's routing table, which follows the store on a processor of its own, shows the DID as the view does. */
    private boolean routes(DidResponse view) {
        return routing.find(view.number()).filter(route -> route.status() == view.status()).isPresent();
    }

    private static boolean shows(DidResponse view, DidSnapshot did) {
        return view.status() == did.status() && view.afterHoldStatus() == did.afterHoldStatus()
                && Objects.equals(view.operatorId(), did.operatorId()) && Objects.equals(view.tag(), did.tag())
                && Objects.equals(view.notes(), did.notes());
    }

    @PatchMapping
    ResponseEntity<JobReport> updateMany(@Valid @RequestBody DidRequests.MassChange request,
                                         @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest http) {
        DidFields.settableOrNone(request.status(), "status");
        DidFields.settableOrNone(request.afterHoldStatus(), "afterHoldStatus");
        DidSelection selection = selection(request.numbers(), request.filter());
        UpdateDid changes = new UpdateDid(null, request.operatorId(), request.status(), request.afterHoldStatus(),
                request.tag(), request.notes());
        return jobRequests.start("MASS_UPDATE", dryRun, sizeAsExpected(selection, request.expectedCount()), http,
                (progress, metaData) -> massChange.update(selection, changes, progress, metaData));
    }

    @DeleteMapping
    ResponseEntity<JobReport> deleteMany(@Valid @RequestBody DidRequests.MassDelete request,
                                         @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest http) {
        DidSelection selection = selection(request.numbers(), request.filter());
        return jobRequests.start("MASS_DELETE", dryRun, sizeAsExpected(selection, request.expectedCount()), http,
                (progress, metaData) -> massChange.delete(selection, progress, metaData));
    }

    /**
     * The selection's size, refused when it is not what the caller saw: a filter matching 7,928 DIDs when a user
     * pressed "Delete all 7,928" may match 20,000 a minute later, while a range is still being created. A filter
     * selecting everything must say how many it expects: an empty filter sent by mistake would change every DID.
     */
    private long sizeAsExpected(DidSelection selection, Long expectedCount) {
        if (expectedCount == null && selection.filter() != null && selection.filter().selectsAll()) {
            throw DomainException.invalid("EXPECTED_COUNT_REQUIRED", "A filter that selects every DID changes the"
                    + " whole inventory: send expectedCount, how many DIDs you mean to change");
        }
        long size = massChange.size(selection);
        if (expectedCount != null && expectedCount != size) {
            throw DomainException.conflict("SELECTION_CHANGED", "The selection now holds " + size + " DIDs, not the "
                    + expectedCount + " expected; nothing was changed. Look at it again before going on.");
        }
        return size;
    }

    private DidSelection selection(List<String> numbers, DidRequests.Filter filter) {
        if ((numbers == null) == (filter == null)) {
            throw DomainException.invalid("INVALID_REQUEST", "Select DIDs with either numbers or filter");
        }
        if (numbers != null) {
            if (numbers.isEmpty() || numbers.size() > maxBulk) {
                throw DomainException.invalid("INVALID_REQUEST", "numbers must hold 1 to " + maxBulk + " numbers");
            }
            List<String> normalised = new ArrayList<>(numbers.size());
            numbers.forEach(number -> normalised.add(DidNumber.normalise(number)));
            return new DidSelection(normalised, null);
        }
        return new DidSelection(null, filter.toFilter());
    }


    private static DidStatus orInStock(DidStatus status) {
        return status == null ? DidStatus.IN_STOCK : status;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
