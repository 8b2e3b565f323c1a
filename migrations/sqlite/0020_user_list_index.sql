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
    n      integer not null,
    primary key (org_id, status)
);
insert into user_count (org_id, status, n)
    select org_id, status, count(*) from app_user group by org_id, status;

create trigger app_user_counted_insert after insert on app_user
begin
    insert into user_count (org_id, status, n) values (new.org_id, new.status, 1)
        on conflict (org_id, status) do update set n = n + 1;
end;

create trigger app_user_counted_delete after delete on app_user
begin
    update user_count set n = n - 1 where org_id = old.org_id and status = old.status;
end;

create trigger app_user_counted_update after update of org_id, status on app_user
    when old.org_id <> new.org_id or old.status <> new.status
begin
    update user_count set n = n - 1 where org_id = old.org_id and status = old.status;
    insert into user_count (org_id, status, n) values (new.org_id, new.status, 1)
        on conflict (org_id, status) do update set n = n + 1;
end;
