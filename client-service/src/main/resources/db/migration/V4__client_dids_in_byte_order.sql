-- the reconciliation across services pages the held DIDs in byte order, as inventory's DID view keeps its numbers
create index client_did_view_number_bytes on client_did_view ((number collate "C")) where status <> 'PENDING';
