-- The sender reads the oldest pending outbox rows many times a second
-- (WHERE status = 'pending' ORDER BY id LIMIT n). Without an index in that order the store
-- read and sorted every pending row on each scan: with a backlog of ten thousand replies
-- that scan took most of a core. With (status, id) it reads only the first n rows.
CREATE INDEX outbox_pending_order ON outbox (status, id);
