package io.didplatform.audit.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x", "|cmd", "%x"})
    void formulaLikeTextIsPrefixedSoItStaysText(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "did.DidHeld.v1", "{\"number\":\"15550001\"}", "2026-01-05T10:00:00Z"})
    void plainTextIsUnchanged(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo(value);
    }
}
