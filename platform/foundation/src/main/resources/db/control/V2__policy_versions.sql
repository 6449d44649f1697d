-- Each association's policy as versioned configuration. A version is uploaded as a draft, validated,
-- compared with the version in force and published with its board approval; publishing supersedes
-- the previous version. Published and superseded versions are immutable and kept forever: every case
-- stores the version it was opened under, so every decision stays traceable to its rule.
create table control.policy_version (
    tenant_id           uuid        not null references control.tenant (id) on delete cascade,
    id                  uuid        not null,
    number              integer     not null check (number > 0),
    status              text        not null check (status in ('draft', 'published', 'superseded')),
    source              text        not null check (length(source) <= 262144),
    source_sha256       text        not null check (source_sha256 ~ '^[0-9a-f]{64}$'),
    created_by          text        not null,
    created_at          timestamptz not null,
    published_by        text,
    published_at        timestamptz,
    superseded_at       timestamptz,
    approval_body       text,
    approval_meeting    text,
    approval_session    text,
    approval_date       date,
    approval_date_hijri text        check (approval_date_hijri ~ '^1[0-9]{3}-[0-9]{2}-[0-9]{2}$'),
    primary key (tenant_id, id),
    unique (tenant_id, number),
    check ((status = 'draft') = (published_at is null)),
    check (status = 'draft' or (approval_body is not null and approval_date is not null)),
    check ((status = 'superseded') = (superseded_at is not null))
);

-- One version in force per association, enforced by the database rather than by care.
create unique index policy_version_in_force on control.policy_version (tenant_id) where status = 'published';

alter table control.policy_version enable row level security;
alter table control.policy_version force row level security;
create policy tenant_isolation on control.policy_version
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on control.policy_version to rawabit_admin;
grant select on control.policy_version to rawabit_platform;

-- Published history cannot be edited or removed, even by a buggy control plane: the only change a
-- published row may undergo is published -> superseded.
create function control.policy_version_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        -- Offboarding deletes an association's whole history after exporting it, and says so.
        if old.status <> 'draft'
           and coalesce(current_setting('app.offboarding_tenant_id', true), '') <> old.tenant_id::text then
            raise exception 'policy version % of tenant % is % and cannot be deleted', old.number, old.tenant_id, old.status
                using errcode = 'check_violation';
        end if;
        return old;
    end if;
    if old.status = 'draft' then
        return new;
    end if;
    if old.status = 'published' and new.status = 'superseded'
       and new.source = old.source and new.number = old.number
       and new.published_at = old.published_at and new.approval_body is not distinct from old.approval_body
       and new.approval_date is not distinct from old.approval_date then
        return new;
    end if;
    raise exception 'policy version % of tenant % is % and cannot be changed', old.number, old.tenant_id, old.status
        using errcode = 'check_violation';
end
$$;

create trigger policy_version_is_immutable
    before update or delete on control.policy_version
    for each row execute function control.policy_version_is_immutable();

-- The registry names each association's version in force, so a replica can see in one cheap
-- system-scope query which tenants' policies changed (its safety net if a NOTIFY was missed).
alter table control.tenant
    add column policy_version_id   uuid,
    add column policy_published_at timestamptz;
