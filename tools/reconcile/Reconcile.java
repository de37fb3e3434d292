import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bin/reconcile's work: asks the gateway's GET /api/admin/reconciliation and prints it for a person. Exit status 0
 * clean, 1 differences found, 2 could not check (gateway away, refused, an instance or a check that did not answer).
 * A single-file program (java Reconcile.java), so it needs nothing but the JDK.
 */
public class Reconcile {
    public static void main(String[] args) {
        String base = env("DID_URL", "http://localhost:8080");
        String credentials = env("DID_USER", "admin") + ":" + env("DID_PASSWORD", "admin");
        String limit = env("DID_RECONCILE_LIMIT", "100");
        String settle = env("DID_RECONCILE_SETTLE", "30");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/api/admin/reconciliation?limit=" + limit + "&settle=" + settle))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            credentials.getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofMinutes(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("reconcile: " + base + " answered " + response.statusCode() + ": " + response.body());
                System.exit(2);
            }
            System.exit(print(asMap(new Json(response.body()).value())));
        } catch (Exception e) {
            System.err.println("reconcile: could not ask " + base + ": " + e);
            System.exit(2);
        }
    }

    private static int print(Map<String, Object> report) {
        for (Object item : asList(report.get("instances"))) {
            Map<String, Object> instance = asMap(item);
            String name = instance.get("service") + " " + instance.get("uri");
            if (instance.get("report") == null) {
                System.out.println(name + ": NOT CHECKED: " + instance.get("error"));
                continue;
            }
            Map<String, Object> answer = asMap(instance.get("report"));
            System.out.println(name + ": " + number(answer.get("differenceCount")) + " difference(s) in "
                    + number(answer.get("tookMillis")) + " ms");
            for (Object c : asList(answer.get("checks"))) {
                Map<String, Object> check = asMap(c);
                long count = number(check.get("differenceCount"));
                System.out.println("  " + check.get("check") + ": " + (count < 0 ? "NOT CHECKED" : count == 0 ? "clean"
                        : count + " difference(s)") + "  " + check.get("figures"));
                for (Object d : asList(check.get("differences"))) {
                    Map<String, Object> difference = asMap(d);
                    System.out.println("    " + difference.get("kind") + " " + difference.get("ids") + ": "
                            + difference.get("detail"));
                }
            }
        }
        boolean complete = Boolean.TRUE.equals(report.get("complete"));
        long differences = number(report.get("differenceCount"));
        System.out.println(differences > 0 ? "DIFFERENCES: " + differences
                : complete ? "CLEAN" : "INCOMPLETE: not everything could be checked");
        return differences > 0 ? 1 : complete ? 0 : 2;
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                while (!next('}')) {
                    String key = (String) value();
                    expect(':');
                    object.put(key, value());
                    next(',');
                }
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                while (!next(']')) {
                    array.add(value());
                    next(',');
                }
                return array;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> word.contains(".") || word.contains("e") || word.contains("E")
                        ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private boolean next(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!next(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
