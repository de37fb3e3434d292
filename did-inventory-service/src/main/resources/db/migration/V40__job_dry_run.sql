-- A dry run: the same job and row report as a real run, with everything it would have written rolled back.
alter table did_job add column dry_run boolean not null default false;
