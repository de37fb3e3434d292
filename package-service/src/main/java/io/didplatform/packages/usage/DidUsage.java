package io.didplatform.packages.usage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many DIDs each client package holds, from the DID events. One row per number: assigning a number
 * (again) counts it under its client package once, freeing it uncounts it; a duplicated event changes nothing.
 */
@Component
public class DidUsage {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public DidUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public void assigned(String number, String clientPackageId) {
        jdbc.update("""
                insert into did_usage (number, client_package_id) values (?, ?)
                on conflict (number) do update set client_package_id = excluded.client_package_id
                """, number, clientPackageId);
    }

    public void freed(String number) {
        jdbc.update("delete from did_usage where number = ?", number);
    }

    public int usedBy(String clientPackageId) {
        Integer count = jdbc.queryForObject("select count(*) from did_usage where client_package_id = ?", Integer.class,
                clientPackageId);
        return count == null ? 0 : count;
    }

    /** DIDs held per client package; a client package holding none is absent. */
    public Map<String, Integer> usedBy(Collection<String> clientPackageIds) {
        Map<String, Integer> used = new HashMap<>();
        if (clientPackageIds.isEmpty()) {
            return used;
        }
        named.query("""
                select client_package_id, count(*) as used from did_usage
                where client_package_id in (:ids) group by client_package_id
                """, new MapSqlParameterSource("ids", clientPackageIds),
                row -> {
                    used.put(row.getString("client_package_id"), row.getInt("used"));
                });
        return used;
    }
}
