-- When a counselor's first message of a case was relayed to the family (for the
-- "time to first counselor reply" metric and the admin case view). Set once, never cleared.
ALTER TABLE cases ADD COLUMN first_reply_at TIMESTAMP WITH TIME ZONE;
