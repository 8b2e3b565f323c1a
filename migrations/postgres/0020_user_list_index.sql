-- The users list at the same cost for 100 or 100,000 users.
--
-- Its default order and filter, index-backed: the first page by name walks
-- 25 index entries instead of sorting the whole organization.
drop index app_user_org_name;
create index app_user_list on app_user (org_id, status, lower(display_name), user_id);

-- The number of users per organization and status, kept by triggers in the
-- writing transaction, so an unfiltered list reads its total instead of
-- counting every row.
create table user_count (
    org_id text not null,
    status text not null,
    n      bigint not null,
    primary key (org_id, status)
);
insert into user_count (org_id, status, n)
    select org_id, status, count(*) from app_user group by org_id, status;

-- A status change touches two counter rows; taking them in one order
-- ('active' before 'removed') whatever the direction keeps a removal and a
-- restore running together from deadlocking.
create function app_user_counted() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into user_count (org_id, status, n) values (new.org_id, new.status, 1)
            on conflict (org_id, status) do update set n = user_count.n + 1;
    elsif tg_op = 'DELETE' then
        update user_count set n = n - 1 where org_id = old.org_id and status = old.status;
    elsif (old.org_id, old.status) < (new.org_id, new.status) then
        update user_count set n = n - 1 where org_id = old.org_id and status = old.status;
        insert into user_count (org_id, status, n) values (new.org_id, new.status, 1)
            on conflict (org_id, status) do update set n = user_count.n + 1;
    else
        insert into user_count (org_id, status, n) values (new.org_id, new.status, 1)
            on conflict (org_id, status) do update set n = user_count.n + 1;
        update user_count set n = n - 1 where org_id = old.org_id and status = old.status;
    end if;
    return null;
end
$$;

create trigger app_user_counted_insert after insert on app_user
    for each row execute function app_user_counted();
create trigger app_user_counted_delete after delete on app_user
    for each row execute function app_user_counted();
create trigger app_user_counted_update after update of org_id, status on app_user
    for each row when (old.org_id is distinct from new.org_id or old.status is distinct from new.status)
    execute function app_user_counted();
