package io.didplatform.support.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x", "|cmd", "%x"})
    void formulaLikeTextIsPrefixedSoItStaysTextAndImportsBackUnchanged(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo("'" + value);
        assertThat(SpreadsheetText.restored(SpreadsheetText.neutralised(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'=1+1", "''-1", "'@x"})
    void textThatLooksNeutralisedAlreadyGetsOneMoreApostropheAndImportsBackUnchanged(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo("'" + value);
        assertThat(SpreadsheetText.restored(SpreadsheetText.neutralised(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "did.DidHeld.v1", "{\"number\":\"15550001\"}", "2026-01-05T10:00:00Z", "'quoted'", "'"})
    void plainTextIsUnchangedBothWays(String value) {
        assertThat(SpreadsheetText.neutralised(value)).isEqualTo(value);
        assertThat(SpreadsheetText.restored(value)).isEqualTo(value);
    }
}
