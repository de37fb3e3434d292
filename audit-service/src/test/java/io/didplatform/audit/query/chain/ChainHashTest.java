package io.didplatform.audit.query.chain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden vectors of the hash rule in docs/design.md, computed outside Java with printf and sha256sum, so the rule
 * as written, not only as coded, is what these pin down.
 */
class ChainHashTest {
    private static final String FIRST = "14fb7b5bdbbf01dcfbd705c0bb6e8a30df399ac97409b9160d24a525ce2c8bdc";
    private static final String SECOND = "95fdec75ce7f273a063482d18bdd1170ef7b5ea85edf368d472f73cc2ae4b83b";

    @Test
    void hashesTheFirstEntryOfAStreamAsTheDesignWritesIt() {
        assertThat(first(null)).isEqualTo(FIRST);
    }

    @Test
    void chainsTheNextEntryToThePreviousHashCountingBytesNotCharacters() {
        assertThat(ChainHash.of("15550000001", 2, FIRST, "e-2", "did.DidHeld.v1", "did-inventory-service",
                "15550000001", "Zoë", Instant.parse("2026-01-02T03:04:05.123456Z"), null, null,
                "did-inventory.events", null)).isEqualTo(SECOND);
    }

    @Test
    void writesTheTimeWithSixFractionDigitsWhateverTheInstantPrints() {
        assertThat(ChainHash.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(ChainHash.time(Instant.parse("2026-01-02T03:04:05.12Z"))).isEqualTo("2026-01-02T03:04:05.120000Z");
    }

    @Test
    void missingAndEmptyValuesHashAlikeAsTheExportWritesBothEmpty() {
        assertThat(first("")).isEqualTo(first(null));
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        assertThat(ChainHash.of("15550000001", 1, null, "e-1", "did.DidCreated.v1", "did-inventory-service",
                "15550000001", "admin ", Instant.parse("2026-01-02T03:04:05Z"), "corr-1", null, "did-inventory.events",
                "{\"status\": \"IN_STOCK\"}")).isNotEqualTo(FIRST);
    }

    @Test
    void lengthPrefixesKeepFieldBoundariesApart() {
        String split = ChainHash.start("v").field("ab").field("c").hex();
        String moved = ChainHash.start("v").field("a").field("bc").hex();
        assertThat(split).isNotEqualTo(moved);
    }

    private static String first(String causationId) {
        return ChainHash.of("15550000001", 1, null, "e-1", "did.DidCreated.v1", "did-inventory-service",
                "15550000001", "admin", Instant.parse("2026-01-02T03:04:05Z"), "corr-1", causationId,
                "did-inventory.events", "{\"status\": \"IN_STOCK\"}");
    }
}
