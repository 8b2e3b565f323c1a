-- Two-step verification (TOTP, RFC 6238) and the sessions page (SPEC §6).

-- The user's TOTP secret (base32) once enrolment is confirmed; the secret
-- being enrolled until then; the last time step accepted (a code is never
-- accepted twice); when it was switched on.
alter table app_user add column totp_secret text;
alter table app_user add column totp_pending_secret text;
alter table app_user add column totp_last_step bigint;
alter table app_user add column totp_enabled_at bigint;

-- 1: every user of the organization must use a second factor.
alter table organization add column require_second_factor bigint not null default 0;

-- Single-use recovery codes, stored as SHA-256 (they carry 50+ random bits).
create table recovery_code (
    user_id    text not null references app_user (user_id),
    code_hash  text not null,
    used_at    bigint,
    primary key (user_id, code_hash)
);

-- A password that was right, waiting for its second factor: a short-lived
-- cookie names it; it opens nothing else.
create table sign_in_challenge (
    token_hash   text primary key,
    user_id      text not null references app_user (user_id),
    org_id       text not null,
    expires_at   bigint not null,
    failures     bigint not null default 0
);

-- Sessions gain what the sessions page shows: a public id (the token hash
-- never leaves the server), the device (User-Agent) and the address.
alter table session add column session_id text;
alter table session add column client_addr text;
alter table session add column user_agent text;
update session set session_id = substr(token_hash, 1, 32);
create unique index session_public_id on session (session_id);
