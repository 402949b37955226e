-- app.db when each run starts. Grace's password is "compiler-first", Ada's "analytical-engine"
-- (hashed with few rounds so the checks run fast; real hashes use 600,000).
CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  email           TEXT NOT NULL UNIQUE,
  password_hash   TEXT NOT NULL,
  session_version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE reset_tokens (
  -- What the app keeps to recognise a link when it comes back.
  token_key  TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  -- When the link stops working: milliseconds since 1970, as the app's Date.now() counts.
  expires_at INTEGER NOT NULL
);
INSERT INTO users (id, name, email, password_hash) VALUES
  (1, 'Grace', 'grace@example.com', 'pbkdf2:sha256:1000$3hb43BEkBL5jVXKJ$d5233a0a51951e1c89e0a067e0e3f8c39ccac12fb1cbc6e246f0c5759568b6d0'),
  (2, 'Ada', 'ada@example.com', 'pbkdf2:sha256:1000$FG206k0MrBJ8GBol$cf986891a4fb2f002fa827b6386b11bcf4a68853aa90c68aeac180f45c889147');
