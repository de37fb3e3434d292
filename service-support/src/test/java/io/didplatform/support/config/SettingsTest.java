package io.didplatform.support.config;

import io.didplatform.support.deadletter.DeadLetterSettings;
import io.didplatform.support.kafka.KafkaTopicSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {
    @EnableConfigurationProperties({DatabaseSettings.class, KafkaTopicSettings.class, DeadLetterSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsTakeTheirDefaults() {
        context.run(started -> {
            assertThat(started.getBean(DeadLetterSettings.class))
                    .isEqualTo(new DeadLetterSettings(3, Duration.ofSeconds(1), 3, 10_000));
            assertThat(started.getBean(KafkaTopicSettings.class)).isEqualTo(new KafkaTopicSettings(4, (short) 1));
            assertThat(started.getBean(DatabaseSettings.class).upkeepInterval()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void aValueThatWouldMisbehaveStopsTheStartNamingTheSetting() {
        context.withPropertyValues("did.dead-letters.first-retry-after=PT0S").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("did.dead-letters")
                        .hasMessageContaining("firstRetryAfter"));
        context.withPropertyValues("did.kafka.partitions=0").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("did.kafka.partitions"));
    }
}
