-- A cancel asked for by someone (any instance may receive it; the instance running the job stops at its next
-- progress report, keeping what it has done).
alter table did_job add column cancel_requested_by varchar(255);
create index did_job_recent on did_job (created_at desc);
