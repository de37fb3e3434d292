package io.didplatform.support.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRuleTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void refusesEveryControlCharacterInOrdinaryText(int control) {
        assertThat(TextRule.violation("name", "ab" + (char) control, false))
                .isEqualTo("name contains a control character (U+%04X) at position 3", control);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x20, 0x7E, 0xA0, 0xA9, 0xE9, 0x200C, 0x200D, 0x200E, 0x200F, 0x2029, 0x2065, 0xFFFD})
    void acceptsPrintableCharactersAndTheJoinersAndMarksScriptsNeed(int character) {
        assertThat(TextRule.violation("name", "a" + (char) character + "b", false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void refusesBidirectionalControlsEvenInFreeText(int control) {
        assertThat(TextRule.violation("notes", "ab" + (char) control, true)).isEqualTo(
                "notes contains a bidirectional control character (U+%04X) at position 3:"
                        + " it changes the order in which the text is shown", control);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x2060, 0xFEFF})
    void refusesInvisibleSpacesThatMakeOneNameLookLikeAnother(int invisible) {
        assertThat(TextRule.violation("name", "Acme" + (char) invisible, false))
                .isEqualTo("name contains an invisible character (U+%04X) at position 5", invisible);
    }

    @Test
    void freeTextMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
        assertThat(TextRule.violation("notes", "line 1\r\nline 2\n\tindented", true)).isNull();
        assertThat(TextRule.violation("notes", "a\u0000b", true))
                .isEqualTo("notes contains a control character (U+0000) at position 2; only tab and line breaks are allowed");
        assertThat(TextRule.violation("notes", "a\u000Bb", true)).contains("(U+000B)");
        assertThat(TextRule.violation("name", "a\tb", false)).contains("(U+0009) at position 2");
    }

    @Test
    void acceptsEmojiAndOtherPairedSurrogatesAndCountsThemAsOneCharacter() {
        assertThat(TextRule.violation("name", "Café 📞 Ωmega 𝄞", false)).isNull();
        assertThat(TextRule.violation("name", "📞📞\u0000", false)).endsWith("at position 3");
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThat(TextRule.violation("tag", "a\uD83D", false))
                .isEqualTo("tag contains an unpaired surrogate (U+D83D) at position 2: it is not valid Unicode text");
        assertThat(TextRule.violation("tag", "\uDCDEa", false)).contains("(U+DCDE) at position 1");
        assertThat(TextRule.violation("tag", "\uDE00\uD83D", false)).contains("(U+DE00) at position 1");
    }

    @Test
    void nullAndEmptyTextPass() {
        assertThat(TextRule.violation("notes", null, false)).isNull();
        assertThat(TextRule.violation("notes", "", false)).isNull();
        TextRule.require("notes", null, false);
    }

    @Test
    void requireRefusesWithAnInvalidTextProblem() {
        assertThatThrownBy(() -> TextRule.require("notes", "a\u0000b", false))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_TEXT");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo("notes contains a control character (U+0000) at position 2");
                });
    }
}
