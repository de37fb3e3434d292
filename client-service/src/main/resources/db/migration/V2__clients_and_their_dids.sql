create table client_view (
    id         varchar(36)  not null primary key,
    name       varchar(200) not null,
    email      varchar(320) not null,
    status     varchar(20)  not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index client_view_name on client_view (name);

-- package names, so a client's DIDs can show which package each came with
create table package_view (
    id   varchar(36)  not null primary key,
    name varchar(200) not null
);

-- a client's DIDs: PENDING while requested (from this service's events), then the status inventory reports
create table client_did_view (
    client_id         varchar(36)  not null,
    number            varchar(15)  not null,
    client_package_id varchar(36)  not null,
    request_id        uuid,
    status            varchar(20)  not null,
    destination       varchar(255) not null,
    updated_at        timestamptz  not null default now(),
    primary key (client_id, number)
);
create index client_did_view_number on client_did_view (number);
create index client_did_view_request on client_did_view (request_id);

-- every assignment request and its outcome: what a 202's Location points to
create table assignment_request_view (
    request_id        uuid         not null primary key,
    client_id         varchar(36)  not null,
    number            varchar(15)  not null,
    client_package_id varchar(36)  not null,
    destination       varchar(255) not null,
    status            varchar(20)  not null,
    reason            varchar(40),
    requested_at      timestamptz  not null,
    decided_at        timestamptz
);
