-- Every event received, append-only. event_id is the CloudEvent id: a redelivery is stored once.
create table audit_event (
    seq            bigserial    not null unique,
    event_id       varchar(255) not null primary key,
    type           varchar(255) not null,
    source         varchar(255) not null,
    subject        varchar(255),
    actor          varchar(255),
    occurred_at    timestamptz  not null,
    received_at    timestamptz  not null default now(),
    correlation_id varchar(255),
    causation_id   varchar(255),
    topic          varchar(255) not null,
    data           jsonb,
    cloud_event    jsonb        not null
);
create index audit_event_subject on audit_event (subject, occurred_at);
create index audit_event_type on audit_event (type, occurred_at);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_occurred on audit_event (occurred_at);
create index audit_event_correlation on audit_event (correlation_id);
