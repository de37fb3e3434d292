package io.didplatform.support.axon;

/** How many of a processor's segments one instance should process when several share them. */
final class FairShare {
    private FairShare() {
    }

    /** ceil(segments / instances): every segment has a taker, and no instance takes more than one more than another. */
    static int of(int segments, int liveInstances) {
        int instances = Math.max(1, liveInstances);
        return (segments + instances - 1) / instances;
    }

    /** How many of its {@code claimed} segments an instance gives up: those beyond its fair share. */
    static int excess(int claimed, int segments, int liveInstances) {
        return Math.max(0, claimed - of(segments, liveInstances));
    }
}
