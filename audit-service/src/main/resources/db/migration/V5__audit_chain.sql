-- The tamper-evident chain (docs/design.md, "The audit hash chain"). Each event is chained to the previous event
-- of its stream (its subject: one DID, package, client...): stream_seq is its position there, prev_hash that
-- entry's hash, hash the SHA-256 of its canonical form. Rows stored before this migration are chained at start-up.
alter table audit_event add column stream     varchar(255);
alter table audit_event add column stream_seq bigint;
alter table audit_event add column prev_hash  varchar(64);
alter table audit_event add column hash       varchar(64);
-- one entry per position of a stream: two writers can never fork a chain
create unique index audit_event_stream_seq on audit_event (stream, stream_seq);
create index audit_event_unchained on audit_event (seq) where hash is null;

-- The head of each stream: its length and last hash. A writer locks the heads it extends.
create table audit_stream (
    stream    varchar(255) not null primary key,
    length    bigint       not null,
    head_hash varchar(64)
);

-- Periodic roots (did.audit.chain.root-every), chained too: root n covers the heads of the streams that changed
-- by log position (up_to_seq of root n-1, up_to_seq] and the hash of root n-1, so the last root commits to every head.
create table audit_chain_root (
    n         bigint      not null primary key,
    up_to_seq bigint      not null,
    streams   bigint      not null,
    prev_hash varchar(64),
    hash      varchar(64) not null,
    made_at   timestamptz not null
);
create index audit_chain_root_made on audit_chain_root (made_at);
