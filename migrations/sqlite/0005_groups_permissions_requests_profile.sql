-- Groups, custom permissions, role requests and the organization profile
-- (SPEC §1–§3; seeds 001, 003, 004).

-- A named set of partner users. Its roles and custom permissions apply to
-- every member (effective access = own ∪ every group's).
create table user_group (
    group_id         text primary key,
    org_id           text not null references organization (org_id),
    name             text not null,
    -- Lower-cased copy: a name is unique per organization, case-insensitively.
    name_lower       text not null,
    agent_role       text,
    admin_role       text,
    incentives_role  text,
    -- Custom permissions: 'workspace=level' pairs joined by ',' (access::Permissions).
    permissions      text not null default '',
    version          bigint not null default 1,
    created_at       bigint not null
);
create unique index user_group_name on user_group (org_id, name_lower);

create table group_member (
    group_id  text not null references user_group (group_id),
    user_id   text not null references app_user (user_id),
    org_id    text not null,
    added_at  bigint not null,
    primary key (group_id, user_id)
);
create index group_member_user on group_member (user_id);

-- A user's own custom permissions, encoded as on user_group.
alter table app_user add column permissions text not null default '';

-- "Users who need changes to their assigned roles can request changes from a
-- Global admin" (seed 001).
create table role_request (
    request_id        text primary key,
    org_id            text not null references organization (org_id),
    user_id           text not null references app_user (user_id),
    role_key          text not null,
    reason            text not null,
    status            text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
    created_at        bigint not null,
    decided_at        bigint,
    decided_by_name   text,
    decision_comment  text
);
create index role_request_org_status on role_request (org_id, status, created_at);
create index role_request_user on role_request (user_id, created_at);

-- The organization profile is edited with optimistic concurrency too.
alter table organization add column version bigint not null default 1;

-- Partner IDs per location, now scoped per organization (an id used by one
-- organization says nothing about another) and with the location's country.
-- Nothing wrote the first version of this table.
drop table partner_location;
create table partner_location (
    org_id      text not null references organization (org_id),
    partner_id  text not null,
    location    text not null,
    country     text not null,
    created_at  bigint not null,
    primary key (org_id, partner_id)
);
create index app_user_partner on app_user (org_id, partner_id);
