package io.didplatform.inventory.command.registry;

import io.didplatform.support.web.DomainException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The operator registry's rules without a database, for aggregate fixtures. */
public class InMemoryOperatorRegistry implements OperatorRegistry {
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> inUse = new HashSet<>();

    public InMemoryOperatorRegistry with(String operatorId, String name) {
        names.put(operatorId, name);
        return this;
    }

    public InMemoryOperatorRegistry referenced(String operatorId) {
        inUse.add(operatorId);
        return this;
    }

    @Override
    public void register(String operatorId, String name) {
        requireFreeName(name);
        names.put(operatorId, name);
    }

    @Override
    public void rename(String operatorId, String name) {
        requireFreeName(name);
        names.put(operatorId, name);
    }

    @Override
    public void remove(String operatorId) {
        if (inUse.contains(operatorId)) {
            throw DomainException.conflict("OPERATOR_IN_USE", "in use");
        }
        names.remove(operatorId);
    }

    private void requireFreeName(String name) {
        if (names.values().stream().anyMatch(name::equalsIgnoreCase)) {
            throw DomainException.conflict("OPERATOR_NAME_TAKEN", "taken");
        }
    }
}
