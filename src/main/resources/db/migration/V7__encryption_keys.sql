-- Encryption at rest: one row per data key that has sealed values in this store. check_value
-- is a known text sealed with that key; at start-up it must open with the configured key, so
-- a wrong or missing key stops the service with a clear message instead of failing later,
-- in the middle of a family's conversation. Never holds a key.
CREATE TABLE encryption_keys (
  key_id       VARCHAR(32) PRIMARY KEY,
  check_value  VARCHAR NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
