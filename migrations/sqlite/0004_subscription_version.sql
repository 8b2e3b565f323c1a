-- Subscriptions get a row version, like users and customers: a seat change
-- made from an old copy is refused instead of overwriting a newer one.
alter table subscription add column version bigint not null default 1;
