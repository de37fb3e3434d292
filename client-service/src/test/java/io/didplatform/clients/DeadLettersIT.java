package io.didplatform.clients;

import io.didplatform.contracts.Topics;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.testing.DeadLetterEndpoint;
import io.didplatform.testing.PoisonRecords;
import io.didplatform.testing.PoisonRecords.Written;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.didplatform.testing.DeadLetterEndpoint.ofEvent;
import static io.didplatform.testing.DeadLetterEndpoint.ofRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison isolation: a record this service's listeners cannot read waits in their dead letters, listed at
 * {@code /api/admin/clients/dead-letters}, while the events behind it on the same partition are processed.
 */
class DeadLettersIT extends ClientITBase {
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    PoisonRecords poison;
    DeadLetterEndpoint deadLetters;

    @BeforeEach
    void setUp() {
        poison = new PoisonRecords();
        deadLetters = new DeadLetterEndpoint(api, "clients");
    }

    @AfterEach
    void tearDown() {
        poison.close();
    }

    @Test
    void recordsThatAreNoEventsOrOfAnUnknownTypeAreDeadLetteredAndTheEventsBehindThemAreProcessed() {
        String client = api.createClient("Careful");
        String packageId = UUID.randomUUID().toString();
        String clientPackage = UUID.randomUUID().toString();
        String number = freshNumber();
        inventory.stock(number, "");

        Written packageGarbage = poison.notACloudEvent(Topics.PACKAGE, clientPackage);
        Written packageUnknown = poison.unknownType(Topics.PACKAGE, clientPackage);
        events.publish(new PackageCreated(packageId, "Single", 1, List.of(), "", PackageStatus.ACTIVE));
        events.publish(new ClientPackageCreated(clientPackage, client, packageId, 1, List.of(), null, null));
        events.publish(new PackageActivated(clientPackage, client, packageId, 1, List.of()));
        Written didGarbage = poison.notACloudEvent(Topics.DID_INVENTORY, number);
        Written didUnknown = poison.unknownType(Topics.DID_INVENTORY, number);

        // the package's activation, behind the first two, lets the client take the number; inventory's answer,
        // behind the other two, confirms it
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.take(client, number, clientPackage, "sip:a@pbx.example.com").getStatusCode() == HttpStatus.CREATED);

        for (Written garbage : List.of(packageGarbage, didGarbage)) {
            assertThat(deadLetters.matching(ofRecord(garbage))).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("consumer", garbage.topic() + "." + consumerGroup);
                assertThat((String) letter.get("error")).contains("not a readable CloudEvent");
            });
        }
        for (Written unknown : List.of(packageUnknown, didUnknown)) {
            assertThat(deadLetters.matching(ofEvent(unknown.eventId()))).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("consumer", unknown.topic() + "." + consumerGroup)
                        .containsEntry("type", PoisonRecords.UNKNOWN_TYPE);
                assertThat((String) letter.get("error")).contains("unknown event type " + PoisonRecords.UNKNOWN_TYPE);
            });
        }

        Object discarded = deadLetters.matching(ofRecord(packageGarbage)).get(0).get("id");
        assertThat(deadLetters.discard(discarded).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deadLetters.matching(ofRecord(packageGarbage))).isEmpty();
    }
}
