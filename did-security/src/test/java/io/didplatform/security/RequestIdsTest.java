package io.didplatform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "0d9a6f1c-7a52-4d35-9b1f-3f8a2a0e9c11", "~!#$%&'()*+,./:;<=>?@[]^_`{|}"})
    void keepsAnIdOfVisibleAscii(String id) {
        assertThat(RequestIds.keepOrCreate(id)).isEqualTo(id);
    }

    @Test
    void keepsAnIdOfTheLongestLength() {
        assertThat(RequestIds.keepOrCreate("r".repeat(128))).hasSize(128);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "tab\there", "line\nbreak", "caf\u00e9", "nul\u0000"})
    void replacesAMissingOrUnsafeIdWithANewOne(String id) {
        String kept = RequestIds.keepOrCreate(id);

        assertThat(kept).isNotEqualTo(id).matches("[0-9a-f-]{36}");
    }

    @Test
    void makesRandomVersion4Uuids() {
        UUID made = UUID.fromString(RequestIds.keepOrCreate(null));

        assertThat(made.version()).isEqualTo(4);
        assertThat(made.variant()).isEqualTo(2);
        assertThat(RequestIds.keepOrCreate(null)).isNotEqualTo(made.toString());
    }

    @Test
    void replacesAnIdThatIsTooLong() {
        assertThat(RequestIds.keepOrCreate("r".repeat(129))).hasSize(36);
    }
}
