package io.didplatform.gateway;

import java.util.List;

/**
 * What changed on the platform in a moment: the event types seen, the first subjects (DID numbers, client and
 * package ids) they were about, and how many events there were. The UI reloads what it shows when a change
 * concerns it; it never learns more than ids, which every role may read.
 */
public record LiveChange(List<String> types, List<String> subjects, int count) {
    static final int MAX_SUBJECTS = 100;
}
