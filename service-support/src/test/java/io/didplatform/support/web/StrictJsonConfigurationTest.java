package io.didplatform.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrictJsonConfigurationTest {

    @Test
    void takesNoYamlBodiesThatWouldPassTheJsonChecksBy() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(new StringHttpMessageConverter(),
                new MappingJackson2HttpMessageConverter(), new MappingJackson2YamlHttpMessageConverter()));

        new StrictJsonConfiguration().extendMessageConverters(converters);

        assertThat(converters).hasSize(2).noneMatch(MappingJackson2YamlHttpMessageConverter.class::isInstance)
                .anyMatch(MappingJackson2HttpMessageConverter.class::isInstance);
    }
}
