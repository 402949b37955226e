-- app.db when each run starts. Passwords: ada "analytical-engine", grace "compiler-first",
-- alan "enigma-machine", edsger "go-to-statement", barbara "liskov-substitution",
-- margaret "apollo-guidance" (hashed with few rounds so the checks run fast; real hashes use
-- 600,000).
CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  email           TEXT NOT NULL UNIQUE,
  password_hash   TEXT NOT NULL,
  -- Raised by one on a reset: every session and remember cookie made before is refused.
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
  (1, 'Ada', 'ada@example.com', 'pbkdf2:sha256:1000$FG206k0MrBJ8GBol$cf986891a4fb2f002fa827b6386b11bcf4a68853aa90c68aeac180f45c889147'),
  (2, 'Grace', 'grace@example.com', 'pbkdf2:sha256:1000$3hb43BEkBL5jVXKJ$d5233a0a51951e1c89e0a067e0e3f8c39ccac12fb1cbc6e246f0c5759568b6d0'),
  (3, 'Alan', 'alan@example.com', 'pbkdf2:sha256:1000$9EMbCqJopWYBqZLl$a20e818e3d021d6ca55f2386c67dd30b8d98d7ec3a538234c0f48daf0dbb7019'),
  (4, 'Edsger', 'edsger@example.com', 'pbkdf2:sha256:1000$UySrChGzGIxW3fTB$2dce48b6a71f7a9d91ed7bf6d20f00a060cb54110053a970efda739cbbb8643b'),
  (5, 'Barbara', 'barbara@example.com', 'pbkdf2:sha256:1000$WAFobJ5a1YK18T4O$d37d11ad75de80805d811d2e5c79b1f74c7dbd3a25dd3cce87b7abf4fcd44508'),
  (6, 'Margaret', 'margaret@example.com', 'pbkdf2:sha256:1000$yxyR7LWERbEx3ibK$8ec9e99021801209f538e1276e826b32195b733c4974d4dd27344b0452774b8e');
