package io.didplatform.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.didplatform.contracts.InvalidDidNumberException;
import io.didplatform.support.deadletter.Failures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every error leaves as {@code application/problem+json} with a {@code detail} a person can act on. */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(DomainException.class)
    public ProblemDetail domain(DomainException e) {
        return problem(statusOf(e.kind()), e.getMessage(), e.code());
    }

    @ExceptionHandler(InvalidDidNumberException.class)
    public ProblemDetail invalidNumber(InvalidDidNumberException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), InvalidDidNumberException.CODE);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail command(CommandExecutionException e) {
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain);
        }
        if (Failures.isTransient(e)) {
            return unavailable(e);
        }
        log.error("Command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The command could not be completed", "COMMAND_FAILED");
    }

    /**
     * The database failing under a request: 503 when it is away or busy for a moment (a restart, no connection to be
     * had), worth asking again; else 500. Handled here and not left to Spring, which takes the connection reset in
     * the cause of a PostgreSQL restart for the HTTP client gone away, and answers 200 with no body: a take the
     * caller then thinks done was never made (reliability scenario postgres-restart).
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    public ProblemDetail database(RuntimeException e) {
        if (Failures.isTransient(e)) {
            return unavailable(e);
        }
        log.error("Request failed on the database", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed", "INTERNAL_ERROR");
    }

    /**
     * Any other failure whose cause is the database away for a moment, such as Axon's {@code EventStoreException}
     * when a command's events met a PostgreSQL restart: 503 as above. The rest go on to Spring's own handling.
     */
    @ExceptionHandler(RuntimeException.class)
    public ProblemDetail otherwise(RuntimeException e) {
        if (Failures.isTransient(e)) {
            return unavailable(e);
        }
        throw e;
    }

    private static ProblemDetail unavailable(RuntimeException e) {
        log.warn("Database unavailable: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "The service cannot reach its database for a moment; try again",
                "SERVICE_UNAVAILABLE");
    }

    /**
     * A command for something never created, named after the resource the path addresses, as a lookup would:
     * {@code /api/client-packages/{id}/activate} answers {@code CLIENT_PACKAGE_NOT_FOUND}, "No client package …".
     */
    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e, HttpServletRequest request) {
        String[] segments = request.getRequestURI().split("/");
        String resource = segments.length > 2 && "api".equals(segments[1]) ? segments[2].replaceAll("s$", "") : "";
        if (resource.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No such " + e.getAggregateIdentifier(), "NOT_FOUND");
        }
        String name = "did".equals(resource) ? "DID" : resource.replace('-', ' ');
        return problem(HttpStatus.NOT_FOUND, "No " + name + " " + e.getAggregateIdentifier(),
                resource.replace('-', '_').toUpperCase(Locale.ROOT) + "_NOT_FOUND");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail invalidParameter(ConstraintViolationException e) {
        // a violation's path starts with the Java method's name: the caller knows the parameter by its last part
        String detail = e.getConstraintViolations().stream()
                .map(violation -> lastNode(violation.getPropertyPath()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, detail, "INVALID_REQUEST");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail invalidParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, invalidValue(e.getName(), e.getValue(), e.getRequiredType()),
                "INVALID_REQUEST");
    }

    /** A list sorted by a field the resource does not have (Swagger UI's default {@code sort=string}): 400. */
    @ExceptionHandler(PropertyReferenceException.class)
    public ProblemDetail unknownSortField(PropertyReferenceException e) {
        return problem(HttpStatus.BAD_REQUEST, "Cannot sort by '" + e.getPropertyName() + "'", "INVALID_SORT");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BindingResult result = e.getBindingResult();
        String detail = result.getFieldErrors().stream()
                .map(error -> error.isBindingFailure()
                        ? invalidValue(error.getField(), error.getRejectedValue(), result.getFieldType(error.getField()))
                        : error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, "INVALID_REQUEST"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this resource";
        if (e.getMostSpecificCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'";
        } else if (e.getMostSpecificCause() instanceof InvalidFormatException format) {
            detail = invalidValue(jsonPath(format), format.getValue(), format.getTargetType());
        } else if (e.getMostSpecificCause() instanceof DomainException domain) {
            // a rule checked while reading the body (TextRule) keeps its own code
            return ResponseEntity.status(statusOf(domain.kind())).body(domain(domain));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, "INVALID_REQUEST"));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "No API at /" + e.getResourcePath(), "NOT_FOUND"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        String detail = "This takes " + MediaType.toString(e.getSupportedMediaTypes()) + "; the request had " + sent;
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail, "UNSUPPORTED_MEDIA_TYPE"));
    }

    /** Spring's own problems (405, 406, a missing parameter, ...) get a {@code code} like every other error. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setProperty("code", known == null ? "HTTP_" + status.value() : known.name());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Names the field and what it takes, never the Java types involved. */
    private static String invalidValue(String field, Object value, Class<?> expected) {
        return field + ": invalid value '" + value + "'" + expectation(expected);
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; expected one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "; expected a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "; expected an ISO-8601 time such as 2026-01-31T12:00:00Z";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "; expected true or false";
        }
        return "";
    }

    /** {@code coats[0].layers}: where in the body the value was. */
    private static String jsonPath(InvalidFormatException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() == null) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName() == null ? name : node.getName();
        }
        return name;
    }

    public static ProblemDetail problem(HttpStatus status, String detail, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    private static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
