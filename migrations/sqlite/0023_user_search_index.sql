-- PostgreSQL's 0023 adds trigram indexes for the users list's search by
-- any part of a name or email (pg_trgm). SQLite has no such index type
-- (an FTS5 trigram table, tried on 100,000 users: 0.5-1.7 ms instead of
-- 40-50 ms for a rare term, but 212 ms instead of 24 ms for one that
-- matches everyone, and a dearer write of every user), so on SQLite the search still
-- reads every user of the organization. This file keeps the two folders'
-- versions in step.
select 1;
