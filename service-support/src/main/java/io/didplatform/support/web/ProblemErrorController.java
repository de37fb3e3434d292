package io.didplatform.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's own refusals (a request Tomcat will not parse, a failure outside any controller) and
 * {@code /error} asked for directly answer a problem like every other refusal, not Spring Boot's default body.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object statusCode = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem;
        if (statusCode instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(code);
            problem = ApiErrors.problem(status, status.is5xxServerError()
                    ? "The service failed to answer; its log holds this request's id"
                    : "The request was refused: " + status.getReasonPhrase(), status.is5xxServerError()
                    ? "INTERNAL_ERROR" : status == HttpStatus.BAD_REQUEST ? "INVALID_REQUEST" : status.name());
            if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
                problem.setInstance(URI.create(uri));
            }
        } else {
            problem = ApiErrors.problem(HttpStatus.NOT_FOUND, "No API at " + request.getRequestURI(), "NOT_FOUND");
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
