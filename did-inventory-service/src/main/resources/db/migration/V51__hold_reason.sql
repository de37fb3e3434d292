-- why a DID on HOLD is held: a client package made inactive (PACKAGE_INACTIVE) or the client giving the DID back
-- (RELEASED; the client's DIDs no longer list it, though inventory keeps its client until the hold ends)
alter table did_view add column hold_reason varchar(20);
update did_view v set hold_reason = (
    select convert_from(e.payload, 'UTF8')::jsonb ->> 'reason' from domain_event_entry e
    where e.aggregate_identifier = v.number and e.payload_type = 'io.didplatform.contracts.inventory.DidHeld'
    order by e.sequence_number desc limit 1)
where v.status = 'HOLD';
