-- Requests awaiting a role, oldest first, per role (Requests.AWAITING): the dashboard reads at most its
-- limit from each role's queue, however long the queue is. request_queue (V21) cannot give that order:
-- status sits between pending_role and received_at. A request nobody has to act on is not in it.
create index request_awaiting on app.request (tenant_id, pending_role, received_at, id)
    where pending_role is not null;
