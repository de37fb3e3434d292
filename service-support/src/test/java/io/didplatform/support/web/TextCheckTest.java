package io.didplatform.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every text of a request meets TextRule once: body fields by their JSON path, query parameters, path variables. */
class TextCheckTest {

    record Label(String name, @FreeText String notes, List<String> tags, Label parent) {
    }

    @RestController
    static class Labels {
        @PostMapping("/labels")
        String create(@RequestBody Label label) {
            return label.notes() == null ? "ok" : label.notes();
        }

        @GetMapping("/labels/{name}")
        String find(@PathVariable String name, @RequestParam(required = false) String tag) {
            return "ok";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Labels())
            .setControllerAdvice(new ApiErrors())
            .setMessageConverters(new StringHttpMessageConverter(), new MappingJackson2HttpMessageConverter(
                    Jackson2ObjectMapperBuilder.json().modules(new TextCheckingModule()).build()))
            .addInterceptors(new TextParameterCheck())
            .build();

    @Test
    void aControlCharacterInABodyFieldIsRefusedNamingTheField() throws Exception {
        refused("{\"name\":\"a\\u0000b\"}", "name contains a control character (U+0000) at position 2");
        refused("{\"name\":\"ok\",\"notes\":\"x\\u0007\"}",
                "notes contains a control character (U+0007) at position 2; only tab and line breaks are allowed");
    }

    @Test
    void nestedFieldsAndListElementsAreNamedByTheirPath() throws Exception {
        refused("{\"tags\":[\"fine\",\"\\u001f\"]}", "tags[1] contains a control character (U+001F) at position 1");
        refused("{\"parent\":{\"parent\":{\"name\":\"\\ud800\"}}}",
                "parent.parent.name contains an unpaired surrogate (U+D800) at position 1: it is not valid Unicode text");
        refused("{\"parent\":{\"tags\":[\"\\u007f\"]}}", "parent.tags[0] contains a control character (U+007F) at position 1");
    }

    @Test
    void freeTextTakesLineBreaksAndTabsOrdinaryTextDoesNot() throws Exception {
        mvc.perform(post("/labels").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Café 📞\",\"notes\":\"line 1\\r\\nline 2\\tend\"}"))
                .andExpect(status().isOk())
                .andExpect(content().string("line 1\r\nline 2\tend"));
        refused("{\"name\":\"two\\nlines\"}", "name contains a control character (U+000A) at position 4");
    }

    @Test
    void queryParametersAndPathVariablesAreHeldToTheSameRule() throws Exception {
        mvc.perform(get("/labels/fine").param("tag", "a\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_TEXT"))
                .andExpect(jsonPath("$.detail").value("tag contains a control character (U+0000) at position 2"));
        mvc.perform(get("/labels/{name}", "x\u001by"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("name contains a control character (U+001B) at position 2"));
        mvc.perform(get("/labels/fine").param("tag", "nyc")).andExpect(status().isOk());
    }

    @Test
    void aCorrelationIdIsPlainAndShort() throws Exception {
        mvc.perform(get("/labels/fine").header("X-Correlation-Id", "c".repeat(129)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("X-Correlation-Id holds at most 128 characters"));
        mvc.perform(get("/labels/fine").header("X-Correlation-Id", "c".repeat(128))).andExpect(status().isOk());
    }

    private void refused(String body, String detail) throws Exception {
        mvc.perform(post("/labels")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_TEXT"))
                .andExpect(jsonPath("$.detail").value(detail));
    }
}
