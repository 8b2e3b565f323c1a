-- Incentives (SPEC §5; Incentives admin and Incentives user only, seed 000):
-- the vendor's programs, the organization's enrolments in them, its bank and
-- tax profile, and the earnings the programs pay per enrolment and month.

-- The program catalogue describes the vendor's programs, not a tenant: it is
-- the same for every organization (like `service`), filled here. A closed
-- program takes no new enrolments; its successor is where its enrolments
-- migrate.
create table incentive_program (
    program_id    text primary key,
    name          text not null,
    description   text not null,
    -- 1: open to new enrolments; 0: closed.
    is_open       bigint not null check (is_open in (0, 1)),
    successor_id  text references incentive_program (program_id)
);

insert into incentive_program (program_id, name, description, is_open, successor_id) values
    ('cloud-reseller-2026', 'Cloud Reseller Incentive 2026',
     'Rebates on the cloud subscriptions you resell, program year 2026.', 1, null),
    ('deployment-accelerator', 'Deployment Accelerator',
     'Fees for deploying the workloads your customers bought, paid per active user reached.', 1, null),
    ('security-adoption', 'Security Adoption',
     'Earnings on the security products your customers start using.', 1, null),
    ('cloud-reseller-2025', 'Cloud Reseller Incentive 2025',
     'Rebates on the cloud subscriptions you resell, program year 2025.', 0, 'cloud-reseller-2026'),
    ('online-services-advisor', 'Online Services Advisor',
     'Retired: fees for advising customers on their first online services purchase.', 0, null);

-- One partner ID (a location of the organization) in one program. No foreign
-- key to partner_location: a partner ID removed from the organization profile
-- keeps its enrolments and their earnings as history (and an active one can
-- still be migrated to another partner ID).
create table incentive_enrolment (
    enrolment_id     text primary key,
    org_id           text not null references organization (org_id),
    program_id       text not null references incentive_program (program_id),
    partner_id       text not null,
    -- The person the program deals with: a user holding an incentives role,
    -- who sees this enrolment's reports.
    contact_user_id  text not null references app_user (user_id),
    status           text not null default 'active'
                     check (status in ('active', 'withdrawn', 'migrated')),
    -- For a migrated enrolment: the enrolment that replaced it.
    migrated_to      text references incentive_enrolment (enrolment_id),
    version          bigint not null default 1,
    enrolled_at      bigint not null,
    -- When it was withdrawn or migrated.
    ended_at         bigint
);
-- One active enrolment per program and partner ID: the index answers a
-- second enrolment, even two made at the same moment.
create unique index incentive_enrolment_active
    on incentive_enrolment (org_id, program_id, partner_id) where status = 'active';
create index incentive_enrolment_org on incentive_enrolment (org_id, enrolled_at);
create index incentive_enrolment_contact on incentive_enrolment (org_id, contact_user_id);

-- Where the programs pay, one per organization. The account number is
-- stored as entered (normalized) and only ever shown masked.
create table incentive_bank_tax_profile (
    org_id          text primary key references organization (org_id),
    account_holder  text not null,
    bank_name       text not null,
    -- An IBAN (checksum verified) or a domestic account number.
    account_number  text not null,
    tax_id          text not null,
    tax_country     text not null,
    vat_registered  bigint not null check (vat_registered in (0, 1)),
    version         bigint not null default 1,
    updated_at      bigint not null
);

-- What a program paid one enrolment for one month, in integer cents of an
-- ISO 4217 currency. Recorded from the vendor's side, never by a partner.
create table incentive_earning (
    earning_id    text primary key,
    org_id        text not null references organization (org_id),
    enrolment_id  text not null references incentive_enrolment (enrolment_id),
    -- 'YYYY-MM'.
    month         text not null,
    amount_cents  bigint not null,
    currency      text not null,
    recorded_at   bigint not null
);
create unique index incentive_earning_month on incentive_earning (enrolment_id, month);
create index incentive_earning_org on incentive_earning (org_id, month);
