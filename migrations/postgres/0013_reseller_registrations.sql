-- Value-added reseller registrations (SPEC §5; Admin and Sales agents): the
-- resellers this partner sells through, registered with the program.
create table reseller_registration (
    registration_id  text primary key,
    org_id           text not null references organization (org_id),
    company          text not null,
    country          text not null,
    contact_email    text not null,
    -- The reseller's own partner ID with the program.
    reseller_id      text not null,
    registered_at    bigint not null
);
create unique index reseller_registration_id on reseller_registration (org_id, reseller_id);
