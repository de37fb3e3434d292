package io.didplatform.audit.query.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.kafka.CloudEventCodec;
import io.didplatform.support.kafka.InboundEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which of an entry's fields differ from the event as it was received ({@code cloud_event}, kept beside them): a
 * hash says only that something changed, this says what, unless the original was changed as well. Read only for
 * an entry whose hash disagrees.
 */
@Component
class AsReceived {
    private final JdbcTemplate jdbc;
    private final CloudEventCodec codec;
    private final ObjectMapper json;

    AsReceived(JdbcTemplate jdbc, CloudEventCodec codec, ObjectMapper json) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.json = json;
    }

    List<String> changedFields(ChainEntry entry) {
        String original = jdbc.queryForObject("select cloud_event::text from audit_event where seq = ?", String.class,
                entry.seq());
        InboundEvent received;
        try {
            received = codec.decode(original.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return List.of("cloudEvent");
        }
        List<String> changed = new ArrayList<>();
        compare(changed, "eventId", received.id(), entry.eventId());
        compare(changed, "type", received.type(), entry.type());
        compare(changed, "source", received.source(), entry.source());
        compare(changed, "subject", received.subject(), entry.subject());
        compare(changed, "actor", received.actor(), entry.actor());
        compare(changed, "correlationId", received.correlationId(), entry.correlationId());
        compare(changed, "causationId", received.causationId(), entry.causationId());
        // an event without a time was dated when received: nothing to compare
        if (received.time() != null && !received.time().truncatedTo(ChronoUnit.MICROS).equals(entry.at())) {
            changed.add("at");
        }
        if (!sameJson(received.data(), entry.data())) {
            changed.add("data");
        }
        return changed;
    }

    private static void compare(List<String> changed, String field, String received, String stored) {
        if (!Objects.equals(blankAsNull(received), blankAsNull(stored))) {
            changed.add(field);
        }
    }

    private boolean sameJson(String received, String stored) {
        if (blankAsNull(received) == null || blankAsNull(stored) == null) {
            return blankAsNull(received) == null && blankAsNull(stored) == null;
        }
        try {
            return json.readTree(received).equals(json.readTree(stored));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
