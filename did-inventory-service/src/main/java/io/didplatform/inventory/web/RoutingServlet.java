package io.didplatform.inventory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.InvalidDidNumberException;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.query.routing.Route;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.didplatform.support.web.ApiErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/routing/{number}}: may a call to this number be routed, and where. Switches call it thousands of
 * times a second, so it is a servlet of its own rather than a Spring MVC controller: the answer is a map lookup,
 * while the generic MVC path around it (handler mapping, argument resolution, content negotiation, a per-request
 * observation) costs many times its CPU, which on a busy machine becomes the lookups' tail latency. Timed and
 * counted by outcome in {@code did.routing.lookups}.
 */
class RoutingServlet extends HttpServlet {
    static final String PATH = "/api/routing/";

    private final transient RoutingTable table;
    private final transient ObjectWriter answers;
    private final transient ObjectMapper json;
    private final transient Timer found;
    private final transient Timer unknown;
    private final transient Timer invalid;

    /** {@code destination} only when routable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoutingAnswer(String number, boolean routable, DidStatus status, String destination) {
    }

    RoutingServlet(RoutingTable table, ObjectMapper json, MeterRegistry meters) {
        this.table = table;
        this.json = json;
        this.answers = json.writerFor(RoutingAnswer.class);
        this.found = timer(meters, "found");
        this.unknown = timer(meters, "unknown");
        this.invalid = timer(meters, "invalid");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("did.routing.lookups").description("Routing lookups answered, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        // the path info is "/{number}", already URL-decoded
        String requested = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String number;
        try {
            number = DidNumber.normalise(requested);
        } catch (InvalidDidNumberException e) {
            problem(request, response, HttpStatus.BAD_REQUEST, InvalidDidNumberException.CODE, e.getMessage());
            invalid.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return;
        }
        Optional<Route> route = table.find(number);
        if (route.isPresent()) {
            Route known = route.get();
            write(response, HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE, answers.writeValueAsBytes(new RoutingAnswer(
                    number, known.routable(), known.status(), known.routable() ? known.destination() : null)));
            found.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } else {
            problem(request, response, HttpStatus.NOT_FOUND, "DID_NOT_FOUND", "No DID " + number);
            unknown.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Anything but GET (and HEAD): 405, as a problem like every other refusal, naming what is allowed. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "The routing lookup only answers GET");
            return;
        }
        super.service(request, response);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         String detail) throws IOException {
        ProblemDetail problem = ApiErrors.problem(status, detail, code);
        problem.setInstance(URI.create(request.getRequestURI()));
        write(response, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
    }

    private static void write(HttpServletResponse response, HttpStatus status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
