package io.didplatform.clients.web;

import io.didplatform.support.web.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sip:office@pbx.example.com", "SIP:pbx.example.com", "sips:alice@10.0.0.1:5061;transport=tls",
            "sip:+12125550100@trunk.example.net;user=phone", "sip:bob@[2001:db8::1]:5060", "tel:+12125550100",
            "tel:+1-212-555-0100", "tel:7042;phone-context=example.com", "4420712345", " sip:trimmed@pbx "})
    void acceptsSipAndTelUrisAndDigits(String destination) {
        assertThat(Destinations.valid(destination)).isEqualTo(destination.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://example.com", "sip:", "sip:bob@", "office@pbx", "tel:", "tel:abc",
            "12 34", "+12125550100", "sip:bob smith@pbx", "mailto:noc@example.com"})
    void refusesAnythingElse(String destination) {
        assertThatThrownBy(() -> Destinations.valid(destination)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("INVALID_DESTINATION"));
    }

    @Test
    void refusesNullAndOverlongDestinations() {
        assertThatThrownBy(() -> Destinations.valid(null)).isInstanceOf(DomainException.class);
        String longest = "sip:" + "a".repeat(246) + "@pb.x";
        assertThat(longest).hasSize(255);
        assertThat(Destinations.valid(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> Destinations.valid("sip:" + "a".repeat(247) + "@pb.x")).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most 255");
    }
}
