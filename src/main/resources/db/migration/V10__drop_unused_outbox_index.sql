-- No query reads outbox_due (the sender scans outbox_pending_order, V4). H2 rewrites every
-- index of a row on each UPDATE, so an unused index costs two entries per sent reply.
DROP INDEX IF EXISTS outbox_due;
