-- app.db when each run starts: an empty table of reset tokens.
CREATE TABLE reset_tokens (
  token_key  TEXT PRIMARY KEY,  -- the SHA-256 of the token, in hex
  user_id    INTEGER NOT NULL,
  expires_at INTEGER NOT NULL   -- milliseconds since 1970, as the app's Date.now() counts
);
