-- An inquiry that turns out to be a request or a complaint is converted: it stays as it was received
-- (question, channel, receipt time, assignment history) and points at the case it became, which was
-- opened with the inquiry's original receipt time. A converted inquiry is closed; its answer clock stops.
alter table app.inquiry drop constraint inquiry_state_check;
alter table app.inquiry add constraint inquiry_state_check
    check (state in ('open', 'answered', 'converted'));

alter table app.inquiry
    add column converted_to      text check (converted_to in ('request', 'complaint')),
    add column converted_case_id uuid,
    add column converted_by      text,
    add column converted_at      timestamptz,
    add constraint inquiry_conversion_complete
        check ((state = 'converted') = (converted_to is not null and converted_case_id is not null
                                        and converted_by is not null and converted_at is not null));
