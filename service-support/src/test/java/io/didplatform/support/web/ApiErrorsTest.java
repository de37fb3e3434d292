package io.didplatform.support.web;

import jakarta.persistence.PersistenceException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import java.io.EOFException;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.SocketException;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a caller reads when a value has the wrong type: the field, the value and what it takes, no Java types. */
class ApiErrorsTest {
    enum Colour { RED, GREEN }

    record Paint(Colour colour, List<Coat> coats) {
    }

    record Coat(Integer layers) {
    }

    record PaintFilter(Colour colour, Integer minimum) {
    }

    @RestController
    static class Paints {
        @GetMapping("/paints")
        String list(@RequestParam(required = false) Colour colour) {
            return "ok";
        }

        @GetMapping("/paints/filtered")
        String filtered(PaintFilter filter) {
            return "ok";
        }

        @PostMapping("/paints")
        String create(@RequestBody Paint paint) {
            return "ok";
        }

        /** What a query met when PostgreSQL restarted under it. */
        @GetMapping("/paints/while-the-database-restarts")
        String duringARestart() {
            throw new DataAccessResourceFailureException("PreparedStatementCallback; An I/O error occurred",
                    new PSQLException("An I/O error occurred while sending to the backend.",
                            PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset")));
        }

        /** What a command met when PostgreSQL restarted as its events were stored: Axon's own exception. */
        @PostMapping("/paints/while-the-database-restarts")
        String commandDuringARestart() {
            throw new EventStoreException("An event for aggregate [p-1] at sequence [3] could not be persisted",
                    new PersistenceException(new PSQLException("An I/O error occurred while sending to the backend.",
                            PSQLState.CONNECTION_FAILURE, new EOFException())));
        }

        @PostMapping({"/api/client-packages/{id}/activate", "/api/dids/{id}/reservation", "/elsewhere/{id}"})
        String command(@PathVariable String id) {
            throw new AggregateNotFoundException(id, "The aggregate was not found in the event store");
        }
    }

    /** JSON only, as in a service (StrictJsonConfiguration). */
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Paints()).setControllerAdvice(new ApiErrors())
            .setMessageConverters(new MappingJackson2HttpMessageConverter()).build();

    @Test
    void aCommandForSomethingNeverCreatedIsNamedAfterTheResourceItsPathAddresses() throws Exception {
        mvc.perform(post("/api/client-packages/cp-1/activate")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CLIENT_PACKAGE_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("No client package cp-1"));
        mvc.perform(post("/api/dids/15550001/reservation")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("DID_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("No DID 15550001"));
        mvc.perform(post("/elsewhere/x-1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    /** Not left to Spring: in a service it took the connection reset for the HTTP client gone away, answering 200. */
    @Test
    void aDatabaseAwayForAMomentAnswers503NotAnEmpty200() throws Exception {
        mvc.perform(get("/paints/while-the-database-restarts")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
        mvc.perform(post("/paints/while-the-database-restarts")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    }

    @Test
    void aQueryParameterOfTheWrongTypeNamesTheParameterAndWhatItTakes() throws Exception {
        mvc.perform(get("/paints").param("colour", "BLUE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.detail").value("colour: invalid value 'BLUE'; expected one of RED, GREEN"));
    }

    @Test
    void aFilterFieldOfTheWrongTypeNamesTheFieldAndWhatItTakes() throws Exception {
        mvc.perform(get("/paints/filtered").param("colour", "BLUE").param("minimum", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "colour: invalid value 'BLUE'; expected one of RED, GREEN; minimum: invalid value 'lots'; expected a number"))
                .andExpect(jsonPath("$.detail").value(not(containsString("java."))));
    }

    @Test
    void aBodyFieldOfTheWrongTypeNamesItsPathAndWhatItTakes() throws Exception {
        mvc.perform(post("/paints").contentType(MediaType.APPLICATION_JSON).content("{\"colour\":\"BLUE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("colour: invalid value 'BLUE'; expected one of RED, GREEN"));
        mvc.perform(post("/paints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"colour\":\"RED\",\"coats\":[{\"layers\":\"two\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("coats[0].layers: invalid value 'two'; expected a number"));
    }

    @Test
    void springsOwnRefusalsAreProblemsWithACodeAndPlainWords() throws Exception {
        mvc.perform(post("/paints").contentType(MediaType.TEXT_PLAIN).content("red"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.detail").value(
                        "This takes application/json, application/*+json; the request had Content-Type text/plain"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/paints"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }
}
