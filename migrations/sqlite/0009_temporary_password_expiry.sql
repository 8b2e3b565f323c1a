-- Temporary passwords expire (SPEC §6): after this many days by default,
-- per organization; each temporary password keeps its own expiry.
alter table organization add column temp_password_days bigint not null default 7;
-- When the current temporary password stops working (null: not temporary,
-- or set before expiry existed).
alter table app_user add column temp_password_expires_at bigint;
