package io.didplatform.support.web;

import io.didplatform.support.deadletter.DeadLetterSummary;
import io.didplatform.support.deadletter.DeadLetters;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The service's dead letters for administrators, at {@code /api/admin/<service>/dead-letters}
 * ({@code did.admin.service}: inventory, packages, clients, audit): list them, retry one (handed to its consumer
 * again; gone once it succeeds), discard one.
 */
@RestController
@RequestMapping("/api/admin/${did.admin.service}/dead-letters")
public class DeadLetterController {
    private static final int MAX_PAGE_SIZE = 500;

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public PageResponse<DeadLetterSummary> list(@RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("INVALID_PAGE", "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return PageResponse.of(deadLetters.list(PageRequest.of(page, size)), letter -> letter);
    }

    @PostMapping("/{id}/retry")
    public Map<String, String> retry(@PathVariable String id) {
        deadLetters.retry(id);
        return Map.of("id", id, "outcome", "PROCESSED");
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> discard(@PathVariable String id) {
        deadLetters.discard(id);
        return ResponseEntity.noContent().build();
    }
}
