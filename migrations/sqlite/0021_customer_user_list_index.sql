-- A customer's users list at the same cost for 100 or 100,000 users, as the
-- partner users list (0020): its order index-backed, its totals kept.
drop index customer_user_list;
create index customer_user_list on customer_user (customer_id, status, lower(display_name), customer_user_id);

create table customer_user_count (
    customer_id text not null,
    status      text not null,
    n           integer not null,
    primary key (customer_id, status)
);
insert into customer_user_count (customer_id, status, n)
    select customer_id, status, count(*) from customer_user group by customer_id, status;

create trigger customer_user_counted_insert after insert on customer_user
begin
    insert into customer_user_count (customer_id, status, n) values (new.customer_id, new.status, 1)
        on conflict (customer_id, status) do update set n = n + 1;
end;

create trigger customer_user_counted_delete after delete on customer_user
begin
    update customer_user_count set n = n - 1
     where customer_id = old.customer_id and status = old.status;
end;

create trigger customer_user_counted_update after update of customer_id, status on customer_user
    when old.customer_id <> new.customer_id or old.status <> new.status
begin
    update customer_user_count set n = n - 1
     where customer_id = old.customer_id and status = old.status;
    insert into customer_user_count (customer_id, status, n) values (new.customer_id, new.status, 1)
        on conflict (customer_id, status) do update set n = n + 1;
end;
