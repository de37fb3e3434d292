package io.didplatform.support.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessedEventsTest {
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProcessedEvents processed = new ProcessedEvents(jdbc, meters);

    @Test
    void countsEveryRedeliveryByConsumerAndNoFirstDelivery() {
        when(jdbc.update(anyString(), any(Object[].class))).thenReturn(1, 0, 0);

        assertThat(processed.firstDelivery("client-service.inventory", "e-1")).isTrue();
        assertThat(meters.find(ProcessedEvents.REDELIVERIES).counter()).isNull();
        assertThat(processed.firstDelivery("client-service.inventory", "e-1")).isFalse();
        assertThat(processed.firstDelivery("client-service.inventory", "e-1")).isFalse();

        assertThat(meters.get(ProcessedEvents.REDELIVERIES).tag("consumer", "client-service.inventory").counter()
                .count()).isEqualTo(2);
    }
}
