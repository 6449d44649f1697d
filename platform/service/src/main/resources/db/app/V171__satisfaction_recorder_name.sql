-- Who wrote a satisfaction record, by name as their sign-in gave it (issue 18: pages show people by name,
-- not username). Null for earlier records and for sign-ins without a name: pages then show recorded_by.
alter table app.satisfaction_record add column recorded_by_name text;
