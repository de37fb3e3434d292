package io.didplatform.packages.command.lookup;

/** The processing group of the command-side lookup tables: subscribing, so they change with the events. */
public final class CommandLookups {
    public static final String PROCESSING_GROUP = "command-lookups";

    private CommandLookups() {
    }
}
