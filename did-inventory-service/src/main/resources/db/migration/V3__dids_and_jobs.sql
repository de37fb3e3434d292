-- The DID read model. "C" collation so the primary key serves number-prefix searches (like '1555%') and sorting.
create table did_view (
    number            varchar(15) collate "C" not null primary key,
    status            varchar(16)  not null,
    after_hold_status varchar(16)  not null,
    operator_id       varchar(36)  not null,
    tag               varchar(100),
    notes             varchar(1000),
    client_id         varchar(36),
    client_package_id varchar(36),
    destination       varchar(255),
    hold_until        timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index did_view_status on did_view (status, number);
create index did_view_operator on did_view (operator_id, number);
create index did_view_tag on did_view (tag, number) where tag is not null;
create index did_view_client on did_view (client_id, number) where client_id is not null;

-- Bulk jobs (ranges, lists, imports, mass edits and deletes): progress and per-row errors.
-- owner = the service instance running it; heartbeat_at shows it is alive, so an interrupted job ends FAILED.
create table did_job (
    id             uuid         not null primary key,
    kind           varchar(32)  not null,
    state          varchar(16)  not null,
    total          bigint       not null default 0,
    succeeded      bigint       not null default 0,
    failed         bigint       not null default 0,
    errors_omitted bigint       not null default 0,
    actor          varchar(255) not null,
    owner          varchar(255) not null,
    detail         varchar(1000),
    created_at     timestamptz  not null,
    heartbeat_at   timestamptz  not null,
    finished_at    timestamptz
);
create index did_job_running on did_job (state) where state = 'RUNNING';

create table did_job_error (
    id     bigserial    not null primary key,
    job_id uuid         not null references did_job (id) on delete cascade,
    row_no bigint,
    number varchar(64),
    reason varchar(500) not null
);
create index did_job_error_job on did_job_error (job_id, id);
