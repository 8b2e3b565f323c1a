-- Pricing and offers, and billing (SPEC §5).
--
-- The price list describes what the vendor sells, not a tenant, so it is the
-- same for every organization (like `service`, migration 0011) and seeded
-- here. Money is integer cents of one currency (USD, named in the code and
-- on each invoice); every price is per seat and per month.
create table product (
    product_id   text primary key,
    -- The name subscriptions carry (`subscription.product`).
    name         text not null,
    description  text not null,
    -- Order on the price list.
    list_order   bigint not null
);
create unique index product_name on product (name);

-- What a customer can buy: a product on a term. An annual commitment costs
-- less per month than month-to-month.
create table offer (
    offer_id          text primary key,
    product_id        text not null references product (product_id),
    term              text not null check (term in ('monthly', 'annual')),
    unit_price_cents  bigint not null check (unit_price_cents >= 0),
    min_seats         bigint not null check (min_seats >= 1),
    max_seats         bigint not null,
    check (max_seats >= min_seats)
);
create unique index offer_term on offer (product_id, term);

-- The offer a subscription was bought on; none for subscriptions added by
-- product name, which are billed at the product's monthly price.
alter table subscription add column offer_id text references offer (offer_id);

-- One invoice per organization and month, built from the subscriptions and
-- prices as they stood when it was issued, and never changed afterwards.
create table invoice (
    invoice_id              text primary key,
    org_id                  text not null references organization (org_id),
    -- 'YYYY-MM'.
    month                   text not null,
    currency                text not null,
    total_cents             bigint not null,
    -- Subscriptions left off because their product is not on the price list.
    unbilled_subscriptions  bigint not null,
    issued_at               bigint not null
);
-- Issuing is idempotent: a second invoice for the month is refused here.
create unique index invoice_month on invoice (org_id, month);

-- A line per customer subscription, with the names as they were.
create table invoice_line (
    invoice_id        text not null references invoice (invoice_id),
    subscription_id   text not null,
    customer_id       text not null references customer (customer_id),
    customer_name     text not null,
    product           text not null,
    term              text not null check (term in ('monthly', 'annual')),
    seats             bigint not null,
    unit_price_cents  bigint not null,
    amount_cents      bigint not null,
    primary key (invoice_id, subscription_id)
);
create index invoice_line_customer on invoice_line (customer_id, invoice_id);

insert into product (product_id, name, description, list_order) values
    ('m365-business-basic', 'Microsoft 365 Business Basic', 'Web and mobile Office apps, mail, chat and meetings, 1 TB of file storage.', 1),
    ('m365-business-standard', 'Microsoft 365 Business Standard', 'Business Basic plus the desktop Office apps.', 2),
    ('m365-business-premium', 'Microsoft 365 Business Premium', 'Business Standard plus device management and advanced security.', 3),
    ('m365-e3', 'Microsoft 365 E3', 'Office apps, mail, meetings, device management and compliance for enterprises.', 4),
    ('m365-e5', 'Microsoft 365 E5', 'E3 plus advanced security, analytics and phone system.', 5),
    ('exchange-online-1', 'Exchange Online (Plan 1)', 'A 50 GB mailbox with calendar and contacts.', 6),
    ('exchange-online-2', 'Exchange Online (Plan 2)', 'A 100 GB mailbox with archiving and data-loss prevention.', 7),
    ('teams-essentials', 'Microsoft Teams Essentials', 'Chat, meetings of up to 300 people and 10 GB of storage.', 8);

insert into offer (offer_id, product_id, term, unit_price_cents, min_seats, max_seats) values
    ('m365-business-basic-monthly', 'm365-business-basic', 'monthly', 720, 1, 300),
    ('m365-business-basic-annual', 'm365-business-basic', 'annual', 600, 1, 300),
    ('m365-business-standard-monthly', 'm365-business-standard', 'monthly', 1500, 1, 300),
    ('m365-business-standard-annual', 'm365-business-standard', 'annual', 1250, 1, 300),
    ('m365-business-premium-monthly', 'm365-business-premium', 'monthly', 2640, 1, 300),
    ('m365-business-premium-annual', 'm365-business-premium', 'annual', 2200, 1, 300),
    ('m365-e3-monthly', 'm365-e3', 'monthly', 4320, 1, 10000),
    ('m365-e3-annual', 'm365-e3', 'annual', 3600, 5, 10000),
    ('m365-e5-monthly', 'm365-e5', 'monthly', 6840, 1, 10000),
    ('m365-e5-annual', 'm365-e5', 'annual', 5700, 5, 10000),
    ('exchange-online-1-monthly', 'exchange-online-1', 'monthly', 480, 1, 10000),
    ('exchange-online-1-annual', 'exchange-online-1', 'annual', 400, 1, 10000),
    ('exchange-online-2-monthly', 'exchange-online-2', 'monthly', 960, 1, 10000),
    ('exchange-online-2-annual', 'exchange-online-2', 'annual', 800, 1, 10000),
    ('teams-essentials-monthly', 'teams-essentials', 'monthly', 480, 1, 300),
    ('teams-essentials-annual', 'teams-essentials', 'annual', 400, 1, 300);
