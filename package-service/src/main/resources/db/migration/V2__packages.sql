-- Command-side lookups, written in the transaction of the command whose events change them.
create table package_catalog (
    id        varchar(36)   not null primary key,
    name      varchar(128)  not null,
    did_limit integer       not null,
    tags      varchar(2000) not null,
    status    varchar(20)   not null,
    deleted   boolean       not null default false
);
-- a name is unique among packages that were not deleted, whatever its case
create unique index package_catalog_name on package_catalog (lower(name)) where not deleted;

create table client_package_registry (
    id         varchar(36) not null primary key,
    package_id varchar(36) not null,
    client_id  varchar(36) not null,
    active     boolean     not null,
    terminated boolean     not null
);
create index client_package_registry_package on client_package_registry (package_id) where not terminated;

-- Which client package each DID is counted under, from did-inventory.events: one row per number, so a
-- duplicated or replayed DID event cannot count a number twice.
create table did_usage (
    number            varchar(32)  not null primary key,
    client_package_id varchar(255) not null
);
create index did_usage_client_package on did_usage (client_package_id);

-- Read models.
create table package_view (
    id          varchar(36)   not null primary key,
    name        varchar(128)  not null,
    did_limit   integer       not null,
    tags        varchar(2000) not null,
    description varchar(1000),
    status      varchar(20)   not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index package_view_name on package_view (name);

create table client_package_view (
    id                  varchar(36)   not null primary key,
    client_id           varchar(36)   not null,
    package_id          varchar(36)   not null,
    did_limit           integer       not null,
    tags                varchar(2000) not null,
    status              varchar(20)   not null,
    deactivation_reason varchar(20),
    starts_at           timestamptz,
    ends_at             timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);
create index client_package_view_client on client_package_view (client_id);
create index client_package_view_package on client_package_view (package_id);
create index client_package_view_status on client_package_view (status);
