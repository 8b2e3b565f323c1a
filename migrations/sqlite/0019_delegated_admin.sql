-- Delegated administration (SPEC §5; seed 000: Admin agents request
-- delegated admin privileges and administer on behalf of a customer). The
-- status column of migration 0003 now also takes 'declined' (the customer
-- said no) and 'ended' (the partner gave the privileges up); this column
-- says when it last changed.
alter table customer add column delegated_admin_changed_at bigint;
