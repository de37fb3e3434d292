package io.didplatform.contracts;

import io.didplatform.contracts.clients.ClientEvent;
import io.didplatform.contracts.inventory.InventoryEvent;
import io.didplatform.contracts.packages.PackageEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudEvent {@code type} names: {@code <domain>.<EventName>.v<revision>}, e.g. {@code did.DidHeld.v1}.
 * A published event changes only additively; an incompatible change is a new revision.
 */
public final class EventTypes {
    public static final int REVISION = 1;
    private static final Map<String, Class<?>> KNOWN = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    public static String typeOf(Class<?> eventClass) {
        return domainOf(eventClass) + "." + eventClass.getSimpleName() + ".v" + REVISION;
    }

    /** The simple event name of a type string: {@code did.DidHeld.v1} gives {@code DidHeld}. */
    public static String nameOf(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[1] : type;
    }

    /**
     * The contract class a type string names, or null when this version of the contracts does not know it. Known
     * types are remembered: every consumed event asks, and a look-up tries packages by class loading.
     */
    public static Class<?> classOf(String type) {
        Class<?> known = KNOWN.get(type);
        if (known != null) {
            return known;
        }
        Class<?> found = lookUp(type);
        if (found != null) {
            KNOWN.put(type, found);
        }
        return found;
    }

    private static Class<?> lookUp(String type) {
        String name = nameOf(type);
        for (String pkg : new String[]{"inventory", "packages", "clients"}) {
            try {
                Class<?> candidate = Class.forName(EventTypes.class.getPackageName() + "." + pkg + "." + name);
                // the contracts' packages also hold enums and interfaces (did.DidStatus.v1 names no event)
                if (isPublished(candidate) && !candidate.isInterface() && typeOf(candidate).equals(type)) {
                    return candidate;
                }
            } catch (ClassNotFoundException ignored) {
                // not in this package; try the next
            }
        }
        return null;
    }

    /** Whether instances of this class travel on Kafka (service-internal events do not). */
    public static boolean isPublished(Class<?> eventClass) {
        return InventoryEvent.class.isAssignableFrom(eventClass) || PackageEvent.class.isAssignableFrom(eventClass)
                || ClientEvent.class.isAssignableFrom(eventClass);
    }

    private static String domainOf(Class<?> eventClass) {
        if (InventoryEvent.class.isAssignableFrom(eventClass)) {
            return "did";
        }
        if (PackageEvent.class.isAssignableFrom(eventClass)) {
            return "package";
        }
        if (ClientEvent.class.isAssignableFrom(eventClass)) {
            return "client";
        }
        throw new IllegalArgumentException(eventClass + " is not a published event");
    }
}
