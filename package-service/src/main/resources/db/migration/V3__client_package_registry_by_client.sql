-- A client's status reaches its client packages: suspending deactivates them, activating the client again
-- reactivates those its suspension deactivated, closing terminates them.
alter table client_package_registry add column deactivation_reason varchar(32);
create index client_package_registry_client on client_package_registry (client_id) where not terminated;
