-- Applications: non-human identities that call the JSON API with a secret
-- (SPEC §1, §7; seed 003 "you can also add groups of users and applications").

-- An application gets roles and custom permissions like a user.
create table application (
    app_id           text primary key,
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
    created_at       bigint not null,
    created_by_name  text not null
);
create unique index application_name on application (org_id, name_lower);

-- Secrets, several per application, each shown once and stored only as a
-- keyed hash (HMAC-SHA-256 under the deployment's key).
create table application_secret (
    secret_id     text primary key,
    app_id        text not null references application (app_id),
    org_id        text not null,
    description   text not null,
    secret_hash   text not null,
    -- The secret's first characters, shown so a person can tell secrets apart.
    hint          text not null,
    created_at    bigint not null,
    expires_at    bigint not null,
    last_used_at  bigint,
    revoked_at    bigint
);
create unique index application_secret_hash on application_secret (secret_hash);
create index application_secret_app on application_secret (app_id);
