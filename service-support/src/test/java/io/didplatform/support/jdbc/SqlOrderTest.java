package io.didplatform.support.jdbc;

import io.didplatform.support.web.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlOrderTest {
    private final SqlOrder order = new SqlOrder(Map.of("number", "number", "operatorId", "operator_id"),
            "number asc", "number");

    @Test
    void noSortGivesTheResourcesOwnOrder() {
        assertThat(order.of(Sort.unsorted())).isEqualTo(" order by number asc");
    }

    @Test
    void equalKeysAreBrokenByTheUniqueColumnInTheSameDirection() {
        assertThat(order.of(Sort.by(Sort.Direction.DESC, "operatorId"))).isEqualTo(" order by operator_id desc, number desc");
        assertThat(order.of(Sort.by(Sort.Direction.DESC, "number"))).isEqualTo(" order by number desc");
    }

    @Test
    void aFieldTheResourceDoesNotOfferIsTheCallersMistake() {
        assertThatThrownBy(() -> order.of(Sort.by("password; drop table did_view")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_SORT"))
                .hasMessageContaining("use one of number, operatorId");
    }
}
