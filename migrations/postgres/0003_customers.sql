-- Customers of a partner organization, their subscriptions, their user
-- accounts and the licences those users hold (SPEC §4, seed 002).

create table customer (
    customer_id             text primary key,
    org_id                  text not null references organization (org_id),
    name                    text not null,
    -- The customer's domain: customer user names are alias@domain.
    domain                  text not null,
    contact_email           text not null default '',
    phone                   text not null default '',
    address                 text not null default '',
    -- Billing information (a separate capability edits it).
    billing_email           text not null default '',
    billing_address         text not null default '',
    tax_id                  text not null default '',
    -- 'none', 'requested' or 'active'.
    relationship_status     text not null default 'none',
    -- Delegated admin privileges: 'none', 'requested' or 'granted'.
    delegated_admin_status  text not null default 'none',
    agreement_accepted_at   bigint,
    version                 bigint not null default 1,
    created_at              bigint not null
);
create unique index customer_domain on customer (org_id, domain);
create index customer_org_name on customer (org_id, name);

-- A subscription holds seats of one product; each licence takes a seat.
create table subscription (
    subscription_id  text primary key,
    org_id           text not null references organization (org_id),
    customer_id      text not null references customer (customer_id),
    product          text not null,
    seats            bigint not null check (seats >= 0),
    created_at       bigint not null
);
create unique index subscription_product on subscription (customer_id, product);

-- A customer's user account.
create table customer_user (
    customer_user_id      text primary key,
    org_id                text not null references organization (org_id),
    customer_id           text not null references customer (customer_id),
    first_name            text not null,
    last_name             text not null,
    display_name          text not null,
    -- alias@customer-domain; unique per customer, case-insensitively.
    user_name             text not null,
    user_name_lower       text not null,
    -- Customer-side admin role: 'none', 'global', 'user', 'billing', 'helpdesk'.
    admin_role            text not null default 'none',
    password_hash         text not null,
    must_change_password  bigint not null default 1,
    -- 'active' or 'deleted' (restorable for 30 days, then purged).
    status                text not null default 'active',
    deleted_at            bigint,
    version               bigint not null default 1,
    created_at            bigint not null
);
create unique index customer_user_name on customer_user (customer_id, user_name_lower);
create index customer_user_list on customer_user (customer_id, status, display_name);

-- A licence: one seat of a subscription held by one user. A deleted user's
-- licences are kept with released = 1 (the seat is free again) so a
-- restore can try to bring them back.
create table licence (
    customer_user_id  text not null references customer_user (customer_user_id),
    subscription_id   text not null references subscription (subscription_id),
    released          bigint not null default 0,
    assigned_at       bigint not null,
    primary key (customer_user_id, subscription_id)
);
create index licence_subscription on licence (subscription_id, released);
