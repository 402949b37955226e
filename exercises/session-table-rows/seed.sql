-- Ada's password is "analytical-engine" and Grace's is "compiler-first" (hashed with few rounds so
-- the checks run fast; real hashes use 600,000).
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL
);
INSERT INTO users (id, name, password_hash) VALUES
  (1, 'Ada', 'pbkdf2:sha256:1000$mMWdxRaWTcKORKRn$d6b6986e90ee6815c49d7d4833279e4718c6491e9cb592055b6652686224ca6e'),
  (2, 'Grace', 'pbkdf2:sha256:1000$7SazMHRNWJ1idxLC$83fc4aae1b4c4009be972ff5e62a3d0b157b1a74a801b282d37129092ad16f73');
