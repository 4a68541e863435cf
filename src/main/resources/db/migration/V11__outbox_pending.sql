-- The sender reads pending rows many times a second and marks each one sent. On the outbox
-- itself every "sent" mark rewrote the row in three indexes that hold its status (H2's
-- pages are copied on every change; a fifth of all allocation at saturation), and every
-- scan looked each row up in the table. The rows still to send now also sit in this small
-- table, with what the scan needs: a row leaves it when it is sent or fails. The outbox keeps
-- each row's status, payload and history as before.
CREATE TABLE outbox_pending (
  id               BIGINT PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
  chat_id          BIGINT NOT NULL,
  case_id          BIGINT,
  method           VARCHAR(32) NOT NULL,
  optional         BOOLEAN NOT NULL,
  attempts         INT NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO outbox_pending (id, chat_id, case_id, method, optional, attempts, next_attempt_at)
  SELECT id, chat_id, case_id, method, optional, attempts, next_attempt_at FROM outbox WHERE status = 'pending';
CREATE INDEX outbox_pending_chat ON outbox_pending (chat_id, id);

-- Status is no longer in an index of the outbox: a "sent" mark rewrites the row only.
DROP INDEX IF EXISTS outbox_pending_order;
DROP INDEX IF EXISTS outbox_chat;
CREATE INDEX outbox_chat ON outbox (chat_id, id);
