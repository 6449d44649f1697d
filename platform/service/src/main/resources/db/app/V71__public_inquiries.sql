-- Inquiries asked on the association's public page (no sign-in): received_by 'public', on the policy's
-- website channel, with a tracking code the person keeps to see where the inquiry stands. Stored as the
-- complaints store theirs (V10): 20 base32 characters, random, unique per association. Staff-logged
-- inquiries have none.
alter table app.inquiry
    add column tracking_code text check (tracking_code ~ '^[A-Z2-7]{20}$'),
    add constraint inquiry_tracking_code_unique unique (tenant_id, tracking_code);
