package io.didplatform.support.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.support.kafka.EventInbox;
import io.didplatform.support.kafka.EventInbox.Delivery;
import io.didplatform.support.reconcile.ProjectionReplayCheck.Table;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model fed from a topic against that topic: every event its consumer has marked as handled
 * ({@code processed_event}, read in the same snapshot as the tables, and written in the same transaction as the
 * effect) is handed again, in the topic's order, to the projection's own code writing scratch copies of the tables
 * ({@link ScratchTables}), which are compared with the live ones by content. A record delivered twice is handed
 * over once, as the consumer's marks make it; records the consumer has not marked yet are left out.
 */
public class TopicProjectionReplayCheck implements ReconciliationCheck {
    private final String name;
    private final String consumer;
    private final String topic;
    private final List<Table> tables;
    private final Function<JdbcTemplate, Consumer<Delivery>> projection;
    private final DataSource dataSource;
    private final EventInbox inbox;
    private final Map<String, Object> consumerSettings;
    private final ObjectMapper json;

    /** {@code projection}: what the consumer does with an event, writing through the given JDBC template. */
    public TopicProjectionReplayCheck(String name, String consumer, String topic, List<Table> tables,
                                      Function<JdbcTemplate, Consumer<Delivery>> projection, DataSource dataSource,
                                      EventInbox inbox, Map<String, Object> consumerSettings,
                                      ObjectMapper json) {
        this.name = name;
        this.consumer = consumer;
        this.topic = topic;
        this.tables = List.copyOf(tables);
        this.projection = projection;
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.consumerSettings = consumerSettings;
        this.json = json;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(int limit) {
        return ScratchTables.inSnapshot(dataSource, name, tables, scratch -> {
            Differences differences = new Differences(name, limit);
            Set<String> handled = new HashSet<>(scratch.jdbc().queryForList(
                    "select event_id from processed_event where consumer = ?", String.class, consumer));
            Consumer<Delivery> replay = projection.apply(scratch.jdbc());
            Set<String> replayed = new HashSet<>();
            long[] records = {0};
            TopicScan.read(consumerSettings, topic, record -> {
                records[0]++;
                String id = TopicScan.eventId(json, record.value());
                if (handled.contains(id) && replayed.add(id)) {
                    replay.accept(inbox.open(record.value()));
                }
            });
            handled.removeAll(replayed);
            handled.stream().sorted().forEach(id -> differences.add("HANDLED_NOT_ON_TOPIC", List.of(id), consumer
                    + " marked event " + id + " as handled, but " + topic + " does not hold it"));
            scratch.compare(differences);
            differences.figure("eventsReplayed", replayed.size());
            differences.figure("recordsOnTopic", records[0]);
            return differences.result();
        });
    }
}
