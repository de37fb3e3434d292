package io.didplatform.support.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies with unknown fields are refused (a typo must not be silently ignored), and every text a request
 * carries, in its body, query or path, is held to {@link TextRule}. Only HTTP is strict: events stay tolerant,
 * because published events may gain fields.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration implements WebMvcConfigurer {

    /**
     * The converter is replaced in Spring MVC's list, not changed: the same instance serves every RestTemplate
     * built from Boot's converters, and a client must read whatever a response holds. The API speaks JSON only:
     * the YAML converter Spring MVC adds because springdoc brings Jackson's YAML module would take bodies past
     * these checks.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2YamlHttpMessageConverter.class::isInstance);
        converters.replaceAll(converter -> converter instanceof MappingJackson2HttpMessageConverter json
                ? new MappingJackson2HttpMessageConverter(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .registerModule(new TextCheckingModule()))
                : converter);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TextParameterCheck());
    }
}
