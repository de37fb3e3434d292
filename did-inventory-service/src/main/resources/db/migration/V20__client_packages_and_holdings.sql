-- Command side of the hold cascade (written with the DIDs' events, never read by the query side).

-- What inventory knows of each client package from package.events. version counts state changes;
-- cascaded_version is the latest change already carried to the package's DIDs (less: a cascade is due).
-- A row with version 0 is a package inventory met in an assignment before any of its events (counted active).
create table client_package_state (
    client_package_id varchar(36) not null primary key,
    active            boolean     not null,
    terminated        boolean     not null,
    changed_at        timestamptz not null,
    version           bigint      not null,
    cascaded_version  bigint      not null
);
create index client_package_state_awaiting_cascade on client_package_state (client_package_id)
    where cascaded_version < version;

-- Which client package holds each assigned DID (from DidAssigned until DidReleased), and the deadline that
-- ends its hold while it is on HOLD.
create table did_holding (
    number            varchar(15) not null primary key,
    client_package_id varchar(36) not null,
    hold_deadline_id  varchar(64)
);
create index did_holding_client_package on did_holding (client_package_id, number);
