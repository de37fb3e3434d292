package io.didplatform.support.web;

import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** The page shape every list answers with: {@code {content: [...], page: {number, size, totalElements, totalPages}}}. */
public record PageResponse<T>(List<T> content, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
