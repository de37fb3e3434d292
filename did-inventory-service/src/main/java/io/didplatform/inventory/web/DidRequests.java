package io.didplatform.inventory.web;

import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.query.did.DidFilter;
import io.didplatform.support.web.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the DID endpoints. Unknown fields are refused with 400 (StrictJsonConfiguration). */
final class DidRequests {
    private DidRequests() {
    }

    /** Exactly one of {@code number}, {@code numbers} or {@code range}. */
    record Create(String number, List<String> numbers, String range, @NotBlank String operatorId, DidStatus status,
                  DidStatus afterHoldStatus, @Size(max = 100) String tag, @FreeText @Size(max = 1000) String notes) {
    }

    /** Absent fields stay as they are; an empty tag or notes clears it. */
    record Change(String operatorId, DidStatus status, DidStatus afterHoldStatus, @Size(max = 100) String tag,
                  @FreeText @Size(max = 1000) String notes) {
    }

    record Filter(String number, DidStatus status, String operatorId, String tag, String clientId) {
        DidFilter toFilter() {
            return new DidFilter(DidNumber.prefix(number), status, operatorId, tag, clientId);
        }
    }

    /** {@code numbers} or {@code filter} selects the DIDs; the other fields are the change. */
    /** {@code expectedCount}: how many DIDs the caller was shown; refused when the selection no longer has that many. */
    record MassChange(List<String> numbers, Filter filter, String operatorId, DidStatus status,
                      DidStatus afterHoldStatus, @Size(max = 100) String tag, @FreeText @Size(max = 1000) String notes,
                      Long expectedCount) {
    }

    record MassDelete(List<String> numbers, Filter filter, Long expectedCount) {
    }
}
