package io.didplatform.inventory.command.registry;

import io.didplatform.support.web.DomainException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The DID registry's rules without a database, for aggregate fixtures. */
public class InMemoryDidRegistry implements DidRegistry {
    private final Set<String> operators = new HashSet<>();
    private final Map<String, String> active = new HashMap<>();

    public InMemoryDidRegistry withOperator(String operatorId) {
        operators.add(operatorId);
        return this;
    }

    public InMemoryDidRegistry withDid(String number, String operatorId) {
        active.put(number, operatorId);
        return this;
    }

    public boolean holds(String number) {
        return active.containsKey(number);
    }

    public String operatorOf(String number) {
        return active.get(number);
    }

    @Override
    public void claim(String number, String operatorId) {
        requireOperator(operatorId);
        if (active.putIfAbsent(number, operatorId) != null) {
            throw DomainException.conflict("DID_EXISTS", "DID " + number + " already exists");
        }
    }

    @Override
    public void changeOperator(String number, String operatorId) {
        requireOperator(operatorId);
        active.put(number, operatorId);
    }

    @Override
    public void release(String number) {
        active.remove(number);
    }

    private void requireOperator(String operatorId) {
        if (!operators.contains(operatorId)) {
            throw DomainException.invalid("OPERATOR_NOT_FOUND", "No operator " + operatorId);
        }
    }
}
