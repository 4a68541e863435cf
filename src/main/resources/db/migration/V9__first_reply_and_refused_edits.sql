-- When a counselor's first message of a case was relayed to the family (for the
-- "time to first counselor reply" metric and the admin case view). Set once, never cleared.
ALTER TABLE cases ADD COLUMN first_reply_at TIMESTAMP WITH TIME ZONE;

-- A refused edit of a file in dialogs/ that was announced in the staff chat: one row per
-- file, with a hash of the refused content, so the same broken text is announced once (by
-- one node, across restarts) and again only when it changes. Deleted when a good edit of
-- the file is published (which is announced as fixed).
CREATE TABLE refused_edits (
  file          VARCHAR(200) PRIMARY KEY,
  content_hash  VARCHAR(64) NOT NULL,
  announced_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
