package io.didplatform.inventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bulk jobs as staff follow them: the list of recent jobs, a job's row report, cancel, and when COMPLETED holds. */
class BulkJobsIT extends InventoryITBase {
    String operator;
    String prefix;

    @BeforeEach
    void setUp() {
        operator = api.createOperator("Jobs " + UUID.randomUUID());
        prefix = "1" + ThreadLocalRandom.current().nextInt(100_000, 999_999); // 7 digits, + 5 for a big range
    }

    @SuppressWarnings("rawtypes")
    private Map finished(ResponseEntity<Map> started) {
        assertThat(started.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(api.get(location).getBody().get("state")));
        return api.get(location).getBody();
    }

    private long visible(String numberPrefix) {
        Map<?, ?> page = (Map<?, ?>) api.get("/api/dids?number=" + numberPrefix).getBody().get("page");
        return ((Number) page.get("totalElements")).longValue();
    }

    @Test
    void aCompletedJobsDidsAreSearchableTheMomentItSaysSo() {
        Map<?, ?> job = finished(api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", prefix + "00000-" + prefix + "01999", "operatorId", operator)));
        assertThat(job.get("state")).isEqualTo("COMPLETED");
        assertThat(visible(prefix)).isEqualTo(2000);
    }

    @Test
    void recentJobsAreListedNewestFirstAndNarrowedByStateAndKind() {
        Map<?, ?> range = finished(api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", prefix + "00000-" + prefix + "00004", "operatorId", operator)));
        Map<?, ?> list = finished(api.call(HttpMethod.POST, "/api/dids",
                Map.of("numbers", List.of(prefix + "10000"), "operatorId", operator)));

        Map<?, ?> newest = (Map<?, ?>) ((List<?>) api.get("/api/dids/jobs?size=5").getBody().get("content")).get(0);
        assertThat(newest.get("id")).isEqualTo(list.get("id"));
        assertThat(newest.get("actor")).isEqualTo("it-user");
        assertThat(newest.get("kind")).isEqualTo("CREATE_LIST");

        List<?> ranges = (List<?>) api.get("/api/dids/jobs?kind=create_range&state=COMPLETED&size=5").getBody().get("content");
        List<String> rangeIds = ranges.stream().map(job -> String.valueOf(((Map<?, ?>) job).get("id"))).toList();
        assertThat(rangeIds).contains(String.valueOf(range.get("id"))).doesNotContain(String.valueOf(list.get("id")));
        assertThat(api.get("/api/dids/jobs?state=SLEEPING").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        Map<?, ?> oldest = (Map<?, ?>) ((List<?>) api.get("/api/dids/jobs?size=1&sort=createdAt,asc").getBody().get("content")).get(0);
        assertThat(oldest.get("id")).isNotEqualTo(list.get("id"));
        assertThat(api.get("/api/dids/jobs?sort=password").getBody().get("code")).isEqualTo("INVALID_SORT");
    }

    @Test
    void aRowReportListsEveryFailedRowAsCsv() {
        Map<?, ?> job = finished(api.call(HttpMethod.POST, "/api/dids",
                Map.of("numbers", List.of(prefix + "20000", "12ab", "=1+2"), "operatorId", operator)));
        assertThat(job.get("failed")).isEqualTo(2);

        ResponseEntity<String> report = http.getForEntity("/api/dids/jobs/" + job.get("id") + "/errors", String.class);
        assertThat(report.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(report.getBody().lines().toList()).hasSize(3)
                .first().asString().endsWith("row,number,reason");
        // a spreadsheet would run "=1+2" as a formula: the report neutralises it
        assertThat(report.getBody()).contains("12ab").contains("'=1+2");
    }

    @Test
    void aCancelledJobStopsSoonAndKeepsWhatItDid() {
        ResponseEntity<Map> started = api.call(HttpMethod.POST, "/api/dids",
                Map.of("range", prefix + "00000-" + prefix + "99999", "operatorId", operator));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();

        assertThat(api.call(HttpMethod.POST, location + "/cancel", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> job = finished(started);
        assertThat(job.get("state")).isEqualTo("CANCELLED");
        long done = ((Number) job.get("succeeded")).longValue();
        assertThat(done).isLessThan(100_000);
        await().atMost(Duration.ofSeconds(60)).until(() -> visible(prefix) == done);

        ResponseEntity<Map> again = api.call(HttpMethod.POST, location + "/cancel", Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("code", "JOB_NOT_RUNNING");
    }

    @Test
    void aChangeByFilterIsRefusedWhenTheFilterNoLongerMatchesWhatWasShown() {
        finished(api.call(HttpMethod.POST, "/api/dids", Map.of("range", prefix + "00000-" + prefix + "00019", "operatorId", operator)));

        ResponseEntity<Map> refused = api.call(HttpMethod.DELETE, "/api/dids",
                Map.of("filter", Map.of("number", prefix), "expectedCount", 10));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("code", "SELECTION_CHANGED");
        assertThat(refused.getBody().get("detail").toString()).contains("20");
        assertThat(visible(prefix)).isEqualTo(20);

        Map<?, ?> archived = finished(api.call(HttpMethod.PATCH, "/api/dids",
                Map.of("filter", Map.of("number", prefix), "expectedCount", 20, "status", "ARCHIVE")));
        assertThat(archived.get("succeeded")).isEqualTo(20);
    }

    @Test
    void aFilterSelectingEveryDidMustSayHowManyItMeansToChange() {
        for (HttpMethod method : List.of(HttpMethod.PATCH, HttpMethod.DELETE)) {
            Map<String, Object> everything = new HashMap<>(Map.of("filter", Map.of()));
            if (method == HttpMethod.PATCH) {
                everything.put("notes", "everything");
            }
            ResponseEntity<Map> refused = api.call(method, "/api/dids", everything);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("code", "EXPECTED_COUNT_REQUIRED");
        }
        assertThat(jdbc.queryForObject("select count(*) from did_view where notes = 'everything'", Long.class)).isZero();
    }
}
