package io.didplatform.testing;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A service's dead letters, as an administrator sees them at {@code /api/admin/<service>/dead-letters}. */
public final class DeadLetterEndpoint {
    private final RestApi api;
    private final String path;

    /** {@code service}: inventory, packages, clients or audit. */
    public DeadLetterEndpoint(RestApi api, String service) {
        this.api = api;
        this.path = "/api/admin/" + service + "/dead-letters";
    }

    /** Every dead letter listed now, newest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> all() {
        return (List<Map<String, Object>>) api.get(path + "?size=500").getBody().get("content");
    }

    /** The dead letters listed now that match. */
    public List<Map<String, Object>> matching(Predicate<Map<String, Object>> matching) {
        return all().stream().filter(matching).toList();
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> retry(Object id) {
        return api.call(HttpMethod.POST, path + "/" + id + "/retry", null);
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> discard(Object id) {
        return api.call(HttpMethod.DELETE, path + "/" + id, null);
    }

    /** Matches the dead letters of an event, by id. */
    public static Predicate<Map<String, Object>> ofEvent(String eventId) {
        return letter -> eventId.equals(letter.get("eventId"));
    }

    /** Matches the dead letter of a Kafka record, by where it was written. */
    public static Predicate<Map<String, Object>> ofRecord(PoisonRecords.Written record) {
        return letter -> record.topic().equals(letter.get("topic"))
                && letter.get("partition") instanceof Number partition && partition.intValue() == record.partition()
                && letter.get("offset") instanceof Number offset && offset.longValue() == record.offset();
    }
}
