-- A "sent" mark used to rewrite the outbox row (status, sent_at, telegram_message_id): H2
-- copies the whole wide row, sealed payload included, into a new page version, often after
-- reading that page back from the file, and removes and re-adds it in the chat index. Per
-- reply that was ~6 % of Pintu's CPU at saturation (docs/PERFORMANCE.md). A mark is now one
-- narrow row appended here; the outbox row is written once and changed only when a reply is
-- retried, given up or erased.
--   still to send:  the row is in outbox_pending
--   sent:           the row is in outbox_sent (rows sent before this migration: status 'sent')
--   given up:       outbox.status = 'failed'
-- New rows are written with status 'written' (not 'pending': a sent row keeps its status, and
-- thousands of 'pending' rows would look like a stuck sender). outbox_delivery shows the three
-- together as pending | sent | failed, for people and reports reading the store.
CREATE TABLE outbox_sent (
  id                   BIGINT PRIMARY KEY,      -- outbox.id
  sent_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  telegram_message_id  BIGINT
);

CREATE VIEW outbox_delivery AS
  SELECT o.id, o.chat_id, o.case_id, o.method, o.optional,
         CASE WHEN p.id IS NOT NULL THEN 'pending'
              WHEN s.id IS NOT NULL THEN 'sent'
              ELSE o.status END AS status,
         CASE WHEN s.id IS NOT NULL THEN o.attempts + 1 ELSE o.attempts END AS attempts,  -- the try that was accepted
         o.created_at,
         COALESCE(s.sent_at, o.sent_at) AS sent_at,
         COALESCE(s.telegram_message_id, o.telegram_message_id) AS telegram_message_id,
         o.last_error
  FROM outbox o
  LEFT JOIN outbox_pending p ON p.id = o.id
  LEFT JOIN outbox_sent s ON s.id = o.id;
