package io.didplatform.audit.query.projection;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of entity whose history the audit keeps, by the path segment that names them in the API. */
public enum EntityKind {
    DID("dids"), OPERATOR("operators"), PACKAGE("packages"), CLIENT_PACKAGE("client-packages"), CLIENT("clients");

    private final String path;

    EntityKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<EntityKind> fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
