package io.didplatform.inventory.process.bulk;

import io.didplatform.inventory.query.did.DidFilter;

import java.util.List;

/** The DIDs a mass change acts on: the numbers given (already normalised), or every DID a filter selects. */
public record DidSelection(List<String> numbers, DidFilter filter) {
}
