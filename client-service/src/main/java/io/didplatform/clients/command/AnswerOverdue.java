package io.didplatform.clients.command;

import java.util.UUID;

/** The deadline of a request for a number: inventory should have answered it by now. */
record AnswerOverdue(UUID requestId, String number) {
}
