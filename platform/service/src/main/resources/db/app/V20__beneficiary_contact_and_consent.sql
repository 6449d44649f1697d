-- The registry grows what the request procedure needs: the channel agreed with the beneficiary for
-- telling them the outcome ("على الوسيلة المتفق عليها"), their category (contact officers are assigned
-- per category), an address, and consent to be contacted on that channel. app.beneficiary keeps its
-- RLS policy and grants from V1/V2.
alter table app.beneficiary
    add column address         text,
    add column category        text check (category is null or category ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    add column contact_channel text check (contact_channel is null or contact_channel ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    add column consent_given   boolean not null default false,
    add column consent_at      timestamptz,
    add check (not consent_given or consent_at is not null);

-- Possible duplicates (same phone or e-mail under another national ID) are looked up per association.
create index beneficiary_phone on app.beneficiary (tenant_id, phone) where phone is not null;
create index beneficiary_email on app.beneficiary (tenant_id, lower(email)) where email is not null;
