package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard (deploy/observability) against what the platform exposes: every series its queries use is
 * on some service's or the gateway's {@code /actuator/prometheus}, and request latencies come with the histogram
 * buckets its percentiles are taken from, in every application.
 */
class ObservabilityIT {
    private static final Path DASHBOARD = Path.of(System.getProperty("platform.root", ".."))
            .resolve("deploy/observability/grafana/dashboards/did-platform.json");
    private static final List<String> APPLICATIONS =
            List.of("did-inventory-service", "package-service", "client-service", "audit-service", "gateway");
    /** A metric name, whole: not the tail of another word, a number's exponent or a $variable. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])[a-zA-Z_:][\\w:]*+");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
                    "group_right", "inf", "nan");
    /** Each application's exposition, scraped after the work below. */
    private static final Map<String, String> EXPOSED = new LinkedHashMap<>();

    @BeforeAll
    static void workThroughTheGatewayThenScrape() {
        RunningPlatform platform = RunningPlatform.get();
        Api admin = new Api(platform.gatewayUrl(), "admin", "admin");
        String number = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "1";
        Api.Response operator = admin.post("/api/operators", Map.of("name", "Observed " + number));
        assertThat(operator.status()).isEqualTo(201);
        assertThat(admin.post("/api/dids", Map.of("number", number, "operatorId", operator.text("id"), "tag", "obs"))
                .status()).isEqualTo(201);
        // the routing table follows the event store: a moment later the lookup finds the DID
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/routing/" + number).status() == 200);
        assertThat(admin.post("/api/clients", Map.of("name", "Observed " + number, "email", "noc@observed.test"))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/packages", Map.of("name", "Observed " + number, "didLimit", 1)).status())
                .isEqualTo(201);
        assertThat(admin.get("/api/audit/events?subject=" + number).status()).isEqualTo(200);

        for (String application : APPLICATIONS) {
            // the services' actuator is open, the gateway's needs an ADMIN (so deploy/observability/prometheus.yml
            // scrapes it as admin)
            Api scraper = application.equals("gateway") ? admin : new Api(platform.serviceUrl(application), null, null);
            Api.Response scraped = scraper.get("/actuator/prometheus");
            assertThat(scraped.status()).as(application).isEqualTo(200);
            EXPOSED.put(application, scraped.body().asText()); // not JSON: Api keeps it as text
        }
    }

    @Test
    void everySeriesTheDashboardQueriesIsExposed() throws IOException {
        Set<String> queried = new TreeSet<>();
        new ObjectMapper().readTree(DASHBOARD.toFile()).findValues("expr")
                .forEach(expr -> queried.addAll(metricNames(expr.asText())));
        Set<String> exposed = new TreeSet<>();
        EXPOSED.values().forEach(text -> exposed.addAll(seriesNames(text)));

        System.out.printf("The dashboard queries %d series: %s%n", queried.size(), queried);
        assertThat(queried).isNotEmpty();
        // sample names as scraped (http_server_requests_seconds_bucket), not family names: a summary has a _count
        // and a _sum too, but no _bucket for histogram_quantile
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertThat(missing).as("series the dashboard queries that neither a service nor the gateway exposes")
                .isEmpty();
    }

    @Test
    void requestLatenciesHaveBucketsInEveryApplication() {
        List<String> withoutBuckets = APPLICATIONS.stream().filter(application -> !Pattern.compile(
                "(?m)^http_server_requests_seconds_bucket\\{(?=[^}]*application=\"" + application + "\")(?=[^}]*le=\")")
                .matcher(EXPOSED.get(application)).find()).toList();
        assertThat(withoutBuckets).as("applications whose request timers have no buckets (le) under their name")
                .isEmpty();
    }

    /**
     * The metric names in a PromQL expression: the words left outside strings, label matchers, ranges and grouping
     * clauses that are neither functions nor keywords.
     */
    private static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(identifier.group().toLowerCase())) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    /** The names of the samples in a Prometheus text exposition. */
    private static Set<String> seriesNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
