-- Rebuilds of the projections (POST /api/audit/rebuild), one row each: RUNNING until its transaction commits the
-- rebuilt projections with the report (COMPLETED), or it failed (FAILED, with detail). A job whose instance
-- stopped mid-way is set FAILED at the next start-up: the running one holds its row locked, an orphan does not.
create table rebuild_job (
    id           uuid         not null primary key,
    state        varchar(16)  not null,
    actor        varchar(255),
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    events       bigint,
    before_rows  jsonb,
    before_sha256 varchar(64),
    after_rows   jsonb,
    after_sha256 varchar(64),
    identical    boolean,
    took_millis  bigint,
    detail       text
);
-- at most one rebuild at a time, across instances
create unique index rebuild_job_one_running on rebuild_job ((true)) where state = 'RUNNING';
create index rebuild_job_started on rebuild_job (started_at);
