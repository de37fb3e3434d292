package io.didplatform.gateway;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin UI's live feed: what is published on the platform's topics reaches signed-in browsers in a moment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class LiveChangesIT {
    @Autowired
    WebTestClient client;
    @Value("${did.gateway.live.bootstrap-servers}")
    String bootstrapServers;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void tellsASignedInUserWhatWasPublishedWithoutItsData() {
        String packageId = UUID.randomUUID().toString();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/package-service","type":"package.PackageCreated.v1",
                 "subject":"%s","datacontenttype":"application/json","data":{"name":"secret plan"}}"""
                .formatted(UUID.randomUUID(), packageId);
        Flux<ServerSentEvent<LiveChange>> feed = client.get().uri("/api/live").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("auditor", "auditor"))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<LiveChange>>() { }).getResponseBody();
        // the feed starts from the topics' end once it has joined: publish until the browser hears of it
        Disposable publishing = Flux.interval(Duration.ZERO, Duration.ofMillis(500)).publishOn(Schedulers.boundedElastic())
                .subscribe(tick -> producer.send(new ProducerRecord<>("package.events", packageId, event)));
        try {
            LiveChange change = feed.filter(sse -> "change".equals(sse.event())).map(ServerSentEvent::data)
                    .filter(heard -> heard.subjects().contains(packageId)).blockFirst(Duration.ofSeconds(30));
            assertThat(change).isNotNull();
            assertThat(change.types()).contains("package.PackageCreated.v1");
            assertThat(change.toString()).doesNotContain("secret plan");
        } finally {
            publishing.dispose();
        }
    }

    @Test
    void isForSignedInUsersOnly() {
        client.get().uri("/api/live").accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isUnauthorized();
    }
}
