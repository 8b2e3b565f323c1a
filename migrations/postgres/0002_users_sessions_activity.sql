-- Partner users, their sessions, sign-in throttling and the activity log.

-- A partner user. Roles are three independent selections (seed 000): one
-- agent role, one admin role (NULL = "No admin", the default) and one
-- incentives role, stored by their stable keys ('global-admin', …).
create table app_user (
    user_id               text primary key,
    org_id                text not null references organization (org_id),
    display_name          text not null,
    email                 text not null,
    -- Lower-cased copy: email is unique per organization, case-insensitively.
    email_lower           text not null,
    status                text not null default 'active' check (status in ('active', 'removed')),
    agent_role            text,
    admin_role            text,
    incentives_role       text,
    partner_id            text,
    -- '$argon2id$…' for a chosen password, 'hmac-sha256$…' for a temporary one.
    password_hash         text not null,
    -- 1 while a temporary password is in use: first sign-in forces a change.
    must_change_password  bigint not null default 1,
    -- Optimistic concurrency: every update checks and bumps it.
    version               bigint not null default 1,
    created_at            bigint not null,
    last_sign_in_at       bigint,
    removed_at            bigint
);
create unique index app_user_email on app_user (org_id, email_lower);
create index app_user_org_name on app_user (org_id, display_name);
create index app_user_sign_in on app_user (email_lower);

-- Sessions live in the database so any replica serves any request. Only a
-- SHA-256 of the cookie value is stored: a leaked table opens no session.
create table session (
    token_hash    text primary key,
    user_id       text not null references app_user (user_id),
    org_id        text not null,
    created_at    bigint not null,
    last_seen_at  bigint not null,
    -- Absolute expiry; idle expiry is checked against last_seen_at.
    expires_at    bigint not null
);
-- (Not `session_user`, as in the SQLite copy: a reserved word here.)
create index session_by_user on session (user_id);

-- Failed sign-ins per account ('acct:<email>') and per address ('addr:<ip>').
create table sign_in_throttle (
    throttle_key      text primary key,
    failures          bigint not null,
    window_started_at bigint not null,
    locked_until      bigint not null default 0
);

-- Keys shared by all replicas (e.g. the HMAC key of temporary passwords),
-- generated once on first use.
create table server_key (
    name   text primary key,
    value  text not null
);

-- The activity log: append-only. Written in the same transaction as the
-- change it describes; nothing in the application updates or deletes it.
create table activity (
    activity_id  text primary key,
    org_id       text not null references organization (org_id),
    at           bigint not null,
    actor_kind   text not null,
    actor_id     text,
    actor_name   text not null,
    operation    text not null,
    target_kind  text not null,
    target_id    text,
    target_name  text not null,
    customer_id  text,
    -- JSON list of {field, before, after, secret}.
    changes      text not null,
    client_addr  text
);
create index activity_org_at on activity (org_id, at);
create index activity_org_actor on activity (org_id, actor_id, at);
create index activity_org_target on activity (org_id, target_id, at);
