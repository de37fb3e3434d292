package io.didplatform.support.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingParameterCheckTest {
    private final PagingParameterCheck check = new PagingParameterCheck();

    @ParameterizedTest
    @CsvSource({"page, 0", "page, 12", "size, 1", "size, 2000", "sort, name"})
    void passesPagesAndSizesThatMeanWhatTheySay(String name, String value) {
        assertThat(check.preHandle(request(name, value), new MockHttpServletResponse(), null)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"page, abc", "page, -1", "page, 1.5", "page, ''", "page, 9999999999", "size, 0", "size, 2001",
            "size, 50x", "size, -5"})
    void refusesAnythingElseInsteadOfAnsweringAnotherPage(String name, String value) {
        assertThatThrownBy(() -> check.preHandle(request(name, value), new MockHttpServletResponse(), null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PAGE");
                    assertThat(e.getMessage()).startsWith(name + " must be one whole number");
                });
    }

    private static MockHttpServletRequest request(String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/clients");
        request.addParameter(name, value);
        return request;
    }
}
