-- A hold's end is a column of the DID's holding, looked for by a poller, instead of a scheduled task per DID:
-- a cascade over thousands of DIDs wrote and deleted a task row (and its serialised deadline) for each.
alter table did_holding add column hold_until timestamptz;

update did_holding h set hold_until = s.execution_time
from scheduled_tasks s where s.task_instance = h.hold_deadline_id;
delete from scheduled_tasks s using did_holding h where s.task_instance = h.hold_deadline_id;

alter table did_holding drop column hold_deadline_id;
create index did_holding_hold_end on did_holding (hold_until) where hold_until is not null;
