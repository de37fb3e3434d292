package io.didplatform.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonConfigurationTest {

    @Test
    void takesNoYamlBodiesThatWouldPassTheJsonChecksBy() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(new StringHttpMessageConverter(),
                new MappingJackson2HttpMessageConverter(), new MappingJackson2YamlHttpMessageConverter()));

        new StrictJsonConfiguration().extendMessageConverters(converters);

        assertThat(converters).hasSize(2).noneMatch(MappingJackson2YamlHttpMessageConverter.class::isInstance)
                .anyMatch(MappingJackson2HttpMessageConverter.class::isInstance);
    }

    record Package(String name, int didLimit, Status status, boolean active) {
    }

    enum Status { ACTIVE, DISABLED }

    @Test
    void takesEachValueOnlyInItsOwnJsonType() throws Exception {
        ObjectMapper strict = StrictJsonConfiguration.strict(new ObjectMapper());

        assertThat(strict.readValue("""
                {"name": "Gold", "didLimit": 3, "status": "ACTIVE", "active": true}""", Package.class))
                .isEqualTo(new Package("Gold", 3, Status.ACTIVE, true));
        for (String refused : List.of(
                "{\"name\": 123}", "{\"name\": true}", "{\"name\": 1.5e3}",
                "{\"didLimit\": \"3\"}", "{\"didLimit\": 3.7}", "{\"status\": 0}",
                "{\"active\": \"true\"}", "{\"active\": 1}",
                "{\"name\": \"a\", \"name\": \"b\"}")) {
            assertThatThrownBy(() -> strict.readValue(refused, Package.class)).as(refused)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }
}
