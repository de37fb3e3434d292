package io.didplatform.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies with unknown fields, or a value of another JSON type than its field's, are refused (a typo or a
 * client's confusion must not be silently taken for something else), and every text a request carries, in its
 * body, query or path, is held to {@link TextRule}. Only HTTP is strict: events stay tolerant,
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
                ? new MappingJackson2HttpMessageConverter(strict(json.getObjectMapper()))
                : converter);
    }

    /**
     * A copy of {@code mapper} that takes each value only in its own JSON type: no number or boolean for a text
     * ({@code "name": 123}), no text or fraction for a whole number ({@code "didLimit": "3"}, {@code 3.7}), no
     * number for an enum, no key twice; and no unknown field, no null for a primitive, every text to
     * {@link TextRule}.
     */
    static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(new TextCheckingModule());
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TextParameterCheck());
        registry.addInterceptor(new PagingParameterCheck());
    }
}
