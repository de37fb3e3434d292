-- Projections of audit_event. All of them can be dropped and rebuilt from audit_event (POST /api/audit/rebuild).
-- seq is audit_event.seq of the event that wrote the row: arrival order, which Kafka keeps per aggregate.

-- Per entity, the fields its last event left: the "from" side of the next change.
create table entity_state (
    kind      varchar(32)  not null,
    entity_id varchar(255) not null,
    state     jsonb        not null,
    last_seq  bigint       not null,
    primary key (kind, entity_id)
);

-- One entry per event that concerns an entity: what changed from what to what.
create table history_entry (
    event_id     varchar(255) not null primary key,
    seq          bigint       not null,
    kind         varchar(32)  not null,
    entity_id    varchar(255) not null,
    type         varchar(255) not null,
    occurred_at  timestamptz  not null,
    actor        varchar(255),
    causation_id varchar(255),
    changes      jsonb        not null
);
create index history_entry_entity on history_entry (kind, entity_id, seq);

-- Every version a DID went through, valid over [valid_from, valid_to); valid_to is null for the current one.
-- A deleted DID has no open version; a re-created one starts a new chain under the same number.
create table did_version (
    number            varchar(32)  not null,
    seq               bigint       not null,
    event_id          varchar(255) not null,
    valid_from        timestamptz  not null,
    valid_to          timestamptz,
    status            varchar(16),
    after_hold_status varchar(16),
    operator_id       varchar(255),
    tag               varchar(255),
    notes             text,
    client_id         varchar(255),
    client_package_id varchar(255),
    destination       varchar(1024),
    hold_until        timestamptz,
    hold_reason       varchar(32),
    primary key (number, seq)
);
create unique index did_version_open on did_version (number) where valid_to is null;
create index did_version_number_from on did_version (number, valid_from);
create index did_version_client on did_version (client_id, number) where client_id is not null;
create index did_version_operator on did_version (operator_id, number);
