package io.didplatform.inventory.command.registry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Client package states and holdings without a database, for aggregate fixtures. */
public class InMemoryClientPackageHoldings implements ClientPackageHoldings {
    private final Map<String, PackageState> states = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private final Map<String, Instant> holdEnds = new HashMap<>();

    public InMemoryClientPackageHoldings withState(String clientPackageId, PackageState state) {
        states.put(clientPackageId, state);
        return this;
    }

    public InMemoryClientPackageHoldings withHolding(String number, String clientPackageId) {
        holders.put(number, clientPackageId);
        return this;
    }

    public String holderOf(String number) {
        return holders.get(number);
    }

    public Instant holdEndOf(String number) {
        return holdEnds.get(number);
    }

    @Override
    public PackageState lockState(String clientPackageId) {
        return states.getOrDefault(clientPackageId, PackageState.ACTIVE);
    }

    @Override
    public void hold(String number, String clientPackageId) {
        holders.put(number, clientPackageId);
        holdEnds.remove(number);
    }

    @Override
    public void holdUntil(String number, Instant until) {
        if (until == null) {
            holdEnds.remove(number);
        } else {
            holdEnds.put(number, until);
        }
    }

    @Override
    public void release(String number) {
        holders.remove(number);
        holdEnds.remove(number);
    }
}
