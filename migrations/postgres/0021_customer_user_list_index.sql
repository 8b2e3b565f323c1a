-- A customer's users list at the same cost for 100 or 100,000 users, as the
-- partner users list (0020): its order index-backed, its totals kept.
drop index customer_user_list;
create index customer_user_list on customer_user (customer_id, status, lower(display_name), customer_user_id);

create table customer_user_count (
    customer_id text not null,
    status      text not null,
    n           bigint not null,
    primary key (customer_id, status)
);
insert into customer_user_count (customer_id, status, n)
    select customer_id, status, count(*) from customer_user group by customer_id, status;

-- Imports insert many rows in one statement: inserts and deletions are
-- counted once per statement from their transition tables.
create function customer_user_counted_inserts() returns trigger language plpgsql as $$
begin
    insert into customer_user_count (customer_id, status, n)
        select customer_id, status, count(*) from new_rows
         group by customer_id, status order by customer_id, status
        on conflict (customer_id, status) do update set n = customer_user_count.n + excluded.n;
    return null;
end
$$;

create function customer_user_counted_deletes() returns trigger language plpgsql as $$
begin
    update customer_user_count c set n = c.n - d.n
      from (select customer_id, status, count(*) as n from old_rows
             group by customer_id, status) d
     where c.customer_id = d.customer_id and c.status = d.status;
    return null;
end
$$;

-- A status change touches two counter rows, taken in one order whatever
-- the direction, so a deletion and a restore running together cannot
-- deadlock.
create function customer_user_counted_update() returns trigger language plpgsql as $$
begin
    if (old.customer_id, old.status) < (new.customer_id, new.status) then
        update customer_user_count set n = n - 1
         where customer_id = old.customer_id and status = old.status;
        insert into customer_user_count (customer_id, status, n) values (new.customer_id, new.status, 1)
            on conflict (customer_id, status) do update set n = customer_user_count.n + 1;
    else
        insert into customer_user_count (customer_id, status, n) values (new.customer_id, new.status, 1)
            on conflict (customer_id, status) do update set n = customer_user_count.n + 1;
        update customer_user_count set n = n - 1
         where customer_id = old.customer_id and status = old.status;
    end if;
    return null;
end
$$;

create trigger customer_user_counted_insert after insert on customer_user
    referencing new table as new_rows
    for each statement execute function customer_user_counted_inserts();
create trigger customer_user_counted_delete after delete on customer_user
    referencing old table as old_rows
    for each statement execute function customer_user_counted_deletes();
create trigger customer_user_counted_update after update of customer_id, status on customer_user
    for each row when (old.customer_id is distinct from new.customer_id or old.status is distinct from new.status)
    execute function customer_user_counted_update();
