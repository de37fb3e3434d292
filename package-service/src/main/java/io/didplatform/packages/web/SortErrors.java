package io.didplatform.packages.web;

import io.didplatform.support.web.ApiErrors;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A list sorted by a field the resource does not have is the caller's mistake: 400, not 500. */
@RestControllerAdvice
class SortErrors {

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortField(PropertyReferenceException e) {
        return ApiErrors.problem(HttpStatus.BAD_REQUEST, "Cannot sort by '" + e.getPropertyName() + "'", "INVALID_SORT");
    }
}
