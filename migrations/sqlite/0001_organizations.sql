-- Organizations: one partner tenant each. One deployment hosts many; every
-- other table carries org_id and every query filters on it, so nothing ever
-- crosses between tenants.
--
-- Portable subset (this file runs on SQLite and PostgreSQL alike):
--   ids are random UUID text (never sequential, so an id reveals nothing),
--   times are bigint unix milliseconds UTC, flags are bigint 0/1.
create table organization (
    org_id          text primary key,
    name            text not null,
    -- 'cloud': users are created in the console; 'synced': they arrive through SCIM.
    directory_mode  text not null default 'cloud' check (directory_mode in ('cloud', 'synced')),
    created_at      bigint not null
);

-- Partner network IDs, one per location of the organization.
create table partner_location (
    partner_id  text primary key,
    org_id      text not null references organization (org_id),
    location    text not null
);
create index partner_location_org on partner_location (org_id);
