-- Support tickets (SPEC §5; seed 000): service requests a partner opens on
-- behalf of a customer (Admin and Helpdesk agents; Sales agents read them)
-- and tickets about the console itself (Global admins). One table for both
-- kinds: they share their shape and lifecycle; `kind` keeps them apart and
-- every query names it, so an id of one kind is "not found" as the other.
create table support_ticket (
    ticket_id         text primary key,
    org_id            text not null references organization (org_id),
    kind              text not null check (kind in ('customer', 'console')),
    -- The customer a customer ticket is for; none for a console ticket.
    customer_id       text references customer (customer_id),
    title             text not null,
    description       text not null,
    severity          text not null check (severity in ('low', 'moderate', 'critical')),
    category          text not null,
    status            text not null default 'open' check (status in ('open', 'resolved')),
    -- Who opened it, by name as it was then ('user', 'application' or
    -- 'operator'; the id is none for the operator).
    opened_by_kind    text not null,
    opened_by_id      text,
    opened_by_name    text not null,
    opened_at         bigint not null,
    -- Who resolved it last; cleared when it is reopened.
    resolved_by_name  text,
    resolved_at       bigint,
    -- The last comment or status change (the list's order).
    updated_at        bigint not null,
    comment_count     bigint not null default 0,
    version           bigint not null default 1,
    check ((kind = 'customer') = (customer_id is not null))
);
create index support_ticket_list on support_ticket (org_id, kind, status, updated_at);
create index support_ticket_customer on support_ticket (org_id, customer_id, updated_at);

-- A ticket's comments: appended, never edited or removed. `seq` numbers
-- them within their ticket (taken under the ticket's row lock), so they read
-- in the order written even within one millisecond.
create table support_ticket_comment (
    comment_id   text primary key,
    ticket_id    text not null references support_ticket (ticket_id),
    seq          bigint not null,
    author_kind  text not null,
    author_id    text,
    author_name  text not null,
    body         text not null,
    created_at   bigint not null
);
create unique index support_ticket_comment_seq on support_ticket_comment (ticket_id, seq);
