-- Reservations that expire. Command side: each reserved DID's end, written with its reservation's events and
-- looked for by a poller (like did_holding.hold_until), so a reservation that fell due while the service was down
-- ends at start-up.
create table did_reservation (
    number         varchar(15) not null primary key,
    reserved_until timestamptz not null
);
create index did_reservation_end on did_reservation (reserved_until);

-- Read model: for whom and until when a DID is reserved.
alter table did_view add column reserved_client_id varchar(36);
alter table did_view add column reserved_deal varchar(200);
alter table did_view add column reserved_until timestamptz;

-- Holds ahead: DIDs on HOLD by the end of their hold.
create index did_view_hold_end on did_view (hold_until) where hold_until is not null;
