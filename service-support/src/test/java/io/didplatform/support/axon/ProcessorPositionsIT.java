package io.didplatform.support.axon;

import io.didplatform.testing.TestInfrastructure;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the real PostgreSQL, with the token store's and event store's tables as Axon keeps them: whether a read model
 * shows an event, when the processor's token holds gaps that a rolled-back or killed transaction will never fill.
 */
class ProcessorPositionsIT {
    private static final String PROCESSOR = "did-view";

    private final JdbcTemplate jdbc = jdbc(TestInfrastructure.freshDatabase("support_processor_positions"));
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final ProcessorPositions positions = new ProcessorPositions(serializer);

    @BeforeEach
    void tables() {
        jdbc.execute("create table token_entry (processor_name varchar(255), segment int, token bytea,"
                + " token_type varchar(255), primary key (processor_name, segment))");
        jdbc.execute("create table domain_event_entry (global_index bigint primary key)");
    }

    @Test
    void anEventBehindTheTokensIndexIsReachedUnlessItIsAGapThatHoldsAnEventNow() {
        storeEvents(1, 2, 3, 4, 6, 7, 8, 9, 10);
        storeToken(0, 10, 5);

        assertThat(positions.hasReached(jdbc, PROCESSOR, 4)).isTrue();
        assertThat(positions.hasReached(jdbc, PROCESSOR, 8))
                .as("5 was never written: nothing up to 8 is left to handle").isTrue();

        storeEvents(5);
        assertThat(positions.hasReached(jdbc, PROCESSOR, 8))
                .as("5 is stored now and the processor has not handled it").isFalse();
        assertThat(positions.hasReached(jdbc, PROCESSOR, 4)).isTrue();
    }

    @Test
    void anEventBeyondTheSlowestSegmentIsNotReached() {
        storeEvents(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        storeToken(0, 10);
        storeToken(1, 6);

        assertThat(positions.hasReached(jdbc, PROCESSOR, 6)).isTrue();
        assertThat(positions.hasReached(jdbc, PROCESSOR, 7)).isFalse();
        assertThat(positions.hasReached(jdbc, "not-started", 1)).isFalse();
    }

    private void storeEvents(long... indexes) {
        for (long index : indexes) {
            jdbc.update("insert into domain_event_entry (global_index) values (?)", index);
        }
    }

    private void storeToken(int segment, long index, long... gaps) {
        SerializedObject<byte[]> token = serializer.serialize(
                GapAwareTrackingToken.newInstance(index, LongStream.of(gaps).boxed().collect(Collectors.toCollection(TreeSet::new))),
                byte[].class);
        jdbc.update("insert into token_entry (processor_name, segment, token, token_type) values (?, ?, ?, ?)",
                PROCESSOR, segment, token.getData(), token.getType().getName());
    }

    private static JdbcTemplate jdbc(Map<String, String> properties) {
        return new JdbcTemplate(new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password")));
    }
}
