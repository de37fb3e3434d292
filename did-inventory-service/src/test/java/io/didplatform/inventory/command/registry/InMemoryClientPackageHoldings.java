package io.didplatform.inventory.command.registry;

import java.util.HashMap;
import java.util.Map;

/** Client package states and holdings without a database, for aggregate fixtures. */
public class InMemoryClientPackageHoldings implements ClientPackageHoldings {
    private final Map<String, PackageState> states = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private final Map<String, String> deadlines = new HashMap<>();

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

    @Override
    public PackageState lockState(String clientPackageId) {
        return states.getOrDefault(clientPackageId, PackageState.ACTIVE);
    }

    @Override
    public void hold(String number, String clientPackageId) {
        holders.put(number, clientPackageId);
        deadlines.remove(number);
    }

    @Override
    public void holdDeadline(String number, String deadlineId) {
        deadlines.put(number, deadlineId);
    }

    @Override
    public String holdDeadlineOf(String number) {
        return deadlines.get(number);
    }

    @Override
    public void release(String number) {
        holders.remove(number);
        deadlines.remove(number);
    }
}
