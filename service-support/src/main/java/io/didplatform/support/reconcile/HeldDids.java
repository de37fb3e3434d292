package io.didplatform.support.reconcile;

import io.didplatform.contracts.HeldDid;
import org.springframework.jdbc.core.RowMapper;

/** Reads {@link HeldDid}s from a read model's columns {@code number, client_id, client_package_id, status, destination}. */
public final class HeldDids {
    public static final RowMapper<HeldDid> ROW = (rs, row) -> new HeldDid(rs.getString("number"),
            rs.getString("client_id"), rs.getString("client_package_id"), rs.getString("status"),
            rs.getString("destination"));

    private HeldDids() {
    }
}
