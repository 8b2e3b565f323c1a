-- Directory sync (SCIM 2.0, RFC 7643/7644): applications allowed to sync a
-- directory, and the attributes a directory keeps on users and groups.

-- Only an application with this flag may call /scim/v2.
alter table application add column directory_sync bigint not null default 0;

-- The directory's id for a user or group (SCIM externalId).
alter table app_user add column external_id text;
alter table user_group add column external_id text;
-- A user's email addresses as the directory sent them (SCIM emails, JSON).
alter table app_user add column scim_emails text;
-- Deleted through SCIM: removed, and no longer served at /scim/v2.
alter table app_user add column scim_deleted bigint not null default 0;
