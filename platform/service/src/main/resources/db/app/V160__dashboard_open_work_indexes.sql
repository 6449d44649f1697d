-- The dashboard's lists and counts of open work read only open rows, in the order shown, however long an
-- association's history grows: each index holds the open rows alone (its predicate is exactly the one the
-- dashboard's statements use, so the planner can prove it applies) and leads with tenant_id, which the
-- row-level security policy supplies. Closed complaints, answered inquiries, finished clocks and requests
-- nobody has to act on are never visited. The tables' RLS policies are unchanged.

-- Open complaints, newest first (ComplaintRecords.OPEN and OPEN_COUNT); state included for the count of
-- those still unacknowledged, so the count is answered from the index.
create index complaint_open on app.complaint (tenant_id, received_at desc, id) include (state)
    where state not in ('settled', 'resolved');

-- Requests awaiting a role (Requests.AWAITING) and open inquiries (InquiryRecords.OPEN_MINE) need no new
-- index: request_queue (V21) leads with pending_role, which a closed request no longer has, and
-- inquiry_queue (V30) with state; DashboardQueryPlanTests checks they read open rows only.

-- Running clocks, soonest due first (DeadlineBoard): met and cancelled clocks have nothing left to show.
create index deadline_running on app.deadline (tenant_id, due_at, subject_id)
    where state not in ('met', 'cancelled');
