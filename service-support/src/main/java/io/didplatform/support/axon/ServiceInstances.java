package io.didplatform.support.axon;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

/**
 * The instances of this service alive now, by heartbeat in the service's database ({@code service_instances}).
 * Times are the database's, so instances whose clocks differ agree. This instance's name ({@link #self()}) is also
 * the owner of its token claims, so two instances never share one, even in one JVM.
 */
class ServiceInstances {
    private final JdbcTemplate jdbc;
    private final String self;
    private final Duration staleAfter;

    ServiceInstances(JdbcTemplate jdbc, String serviceName, Duration staleAfter) {
        this.jdbc = jdbc;
        // a restarted instance is a new one: its old row goes stale
        this.self = serviceName + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.staleAfter = staleAfter;
    }

    String self() {
        return self;
    }

    /** Marks this instance alive, forgets the silent ones, and answers how many are alive (this one included). */
    int heartbeat() {
        jdbc.update("insert into service_instances (instance_id, last_seen) values (?, now())"
                + " on conflict (instance_id) do update set last_seen = now()", self);
        jdbc.update("delete from service_instances where last_seen < now() - make_interval(secs => ?)",
                staleAfter.toMillis() / 1000.0);
        Integer live = jdbc.queryForObject("select count(*) from service_instances", Integer.class);
        return live == null ? 1 : live;
    }

    /** This instance stops: the others count without it at once rather than after it goes stale. */
    void leave() {
        jdbc.update("delete from service_instances where instance_id = ?", self);
    }
}
