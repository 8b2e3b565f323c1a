-- Customer leads (SPEC §5; Sales agents): companies that may become
-- customers, qualified, then converted into a customer (kept, with the
-- customer it became) or marked lost.
create table customer_lead (
    lead_id        text primary key,
    org_id         text not null references organization (org_id),
    company        text not null,
    contact_name   text not null,
    contact_email  text not null,
    notes          text not null default '',
    status         text not null default 'new'
                   check (status in ('new', 'qualified', 'lost', 'converted')),
    customer_id    text references customer (customer_id),
    version        bigint not null default 1,
    created_at     bigint not null
);
create index customer_lead_org on customer_lead (org_id, created_at);
