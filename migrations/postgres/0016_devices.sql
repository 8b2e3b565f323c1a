-- Devices (SPEC §5; seed 000): device profiles of the organization, the
-- device lists (CSV uploads) added for a customer, and the customer's
-- devices, each from one list and with at most one profile applied.

-- A device profile: the out-of-box settings applied to a customer's
-- devices. Organization-wide; edited in place (version).
create table device_profile (
    profile_id            text primary key,
    org_id                text not null references organization (org_id),
    name                  text not null,
    -- Unique per organization, case-insensitively (the index answers).
    name_lower            text not null,
    skip_privacy_settings bigint not null default 0,
    skip_licence_terms    bigint not null default 0,
    -- The account the first user gets: 'standard' or 'administrator'.
    user_account_type     text not null default 'standard'
                          check (user_account_type in ('standard', 'administrator')),
    -- e.g. CONTOSO-%SERIAL%; empty: devices keep their maker's name.
    device_name_template  text not null default '',
    version               bigint not null default 1,
    created_at            bigint not null,
    updated_at            bigint not null
);
create unique index device_profile_name on device_profile (org_id, name_lower);

-- One upload: a named batch of devices added for a customer, by whom, when.
create table device_list (
    list_id       text primary key,
    org_id        text not null references organization (org_id),
    customer_id   text not null references customer (customer_id),
    name          text not null,
    device_count  bigint not null,
    added_at      bigint not null,
    -- The actor's name as the activity log shows it.
    added_by      text not null
);
create index device_list_customer on device_list (customer_id, added_at);

-- A customer's device. When and by whom it was added are its list's.
create table device (
    device_id           text primary key,
    org_id              text not null references organization (org_id),
    customer_id         text not null references customer (customer_id),
    list_id             text not null references device_list (list_id),
    serial_number       text not null,
    -- Unique per customer, case-insensitively (serials are ASCII).
    serial_lower        text not null,
    -- Base64 text; null when the list had none for this device.
    hardware_hash       text,
    manufacturer        text not null default '',
    model               text not null default '',
    -- A profile is deleted only once no device has it.
    profile_id          text references device_profile (profile_id),
    profile_applied_at  bigint
);
create unique index device_serial on device (customer_id, serial_lower);
create index device_by_profile on device (profile_id);
