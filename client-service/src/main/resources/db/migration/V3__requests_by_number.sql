-- a take asked again finds the request it repeats (DidAssignments)
create index assignment_request_view_client_number on assignment_request_view (client_id, number, requested_at desc);
