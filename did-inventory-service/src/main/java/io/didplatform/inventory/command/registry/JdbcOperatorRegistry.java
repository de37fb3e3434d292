package io.didplatform.inventory.command.registry;

import io.didplatform.support.web.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link OperatorRegistry} on PostgreSQL; a foreign key from {@code did_registry} keeps operators in use alive. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class JdbcOperatorRegistry implements OperatorRegistry {
    private final JdbcTemplate jdbc;

    JdbcOperatorRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(String operatorId, String name) {
        int inserted = jdbc.update("insert into operator_registry (id, name) values (?, ?) on conflict do nothing",
                operatorId, name);
        if (inserted == 0) {
            throw nameTaken(name);
        }
    }

    @Override
    public void rename(String operatorId, String name) {
        try {
            jdbc.update("update operator_registry set name = ? where id = ?", name, operatorId);
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(name);
        }
    }

    @Override
    public void remove(String operatorId) {
        Long inUse = jdbc.queryForObject("select count(*) from did_registry where operator_id = ?", Long.class, operatorId);
        if (inUse != null && inUse > 0) {
            throw inUse(operatorId, inUse);
        }
        try {
            jdbc.update("delete from operator_registry where id = ?", operatorId);
        } catch (DataIntegrityViolationException e) {
            // a DID referencing it was created after the count: the foreign key caught it
            throw inUse(operatorId, 1);
        }
    }

    private static DomainException nameTaken(String name) {
        return DomainException.conflict("OPERATOR_NAME_TAKEN", "An operator named '" + name + "' already exists");
    }

    private static DomainException inUse(String operatorId, long dids) {
        return DomainException.conflict("OPERATOR_IN_USE",
                "Operator " + operatorId + " still provides " + dids + " DID(s); move or delete them first");
    }
}
