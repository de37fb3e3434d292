package io.didplatform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The number rule against the vectors the admin UI's copy of it is checked against too. */
class DidNumberTest {

    static Stream<JsonNode> normalise() {
        return vectors("normalise");
    }

    static Stream<JsonNode> prefix() {
        return vectors("prefix");
    }

    @ParameterizedTest
    @MethodSource
    void normalise(JsonNode vector) {
        check(vector, DidNumber::normalise);
    }

    @ParameterizedTest
    @MethodSource
    void prefix(JsonNode vector) {
        check(vector, DidNumber::prefix);
    }

    @Test
    void refusesWithTheNumberAsWrittenAndWhatIsExpected() {
        assertThatThrownBy(() -> DidNumber.normalise("12ab"))
                .isInstanceOf(InvalidDidNumberException.class)
                .hasMessage("'12ab' is not a valid number: 5 to 15 digits expected "
                        + "(+, spaces, dashes, dots and brackets are ignored)");
        assertThatThrownBy(() -> DidNumber.normalise(null)).hasMessageStartingWith("'' is not a valid number");
    }

    @Test
    void aMissingPrefixSelectsEveryNumber() {
        assertThat(DidNumber.prefix(null)).isNull();
    }

    @Test
    void onlyDigitsAreANumberAsStored() {
        assertThat(DidNumber.isNormalised("15550000000")).isTrue();
        assertThat(DidNumber.isNormalised("+15550000000")).isFalse();
        assertThat(DidNumber.isNormalised(null)).isFalse();
    }

    private static void check(JsonNode vector, UnaryOperator<String> rule) {
        String written = vector.get("written").asText();
        if (vector.path("refused").asBoolean()) {
            assertThatThrownBy(() -> rule.apply(written)).isInstanceOf(InvalidDidNumberException.class);
        } else {
            assertThat(rule.apply(written)).isEqualTo(vector.get("digits").asText());
        }
    }

    private static Stream<JsonNode> vectors(String rule) {
        try (InputStream in = DidNumberTest.class.getResourceAsStream("/did-numbers.json")) {
            JsonNode all = new ObjectMapper().readTree(in);
            return StreamSupport.stream(all.get(rule).spliterator(), false).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
