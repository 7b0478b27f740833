-- API trust: refresh tokens, login throttling, idempotency keys, retention of personal data.

CREATE TABLE refresh_tokens (
  id          uuid PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users(id),
  -- All tokens of one login share a family: reuse of a rotated token revokes the family.
  family_id   uuid NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  replaced_by uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

-- Failed logins per account ("user:<name>") and per address ("ip:<addr>") in a sliding window.
CREATE TABLE login_failures (
  key          text PRIMARY KEY,
  failures     int NOT NULL,
  window_start timestamptz NOT NULL
);

CREATE TABLE idempotency_keys (
  user_id      text NOT NULL REFERENCES users(id),
  key          text NOT NULL,
  route        text NOT NULL,
  request_hash text NOT NULL,
  status_code  int,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- Retention (UU PDP Pasal 42-44): personal fields are anonymised a policy period after closure.
ALTER TABLE cases ADD COLUMN closed_at timestamptz;
ALTER TABLE cases ADD COLUMN anonymised_at timestamptz;
ALTER TABLE cases ALTER COLUMN nik DROP NOT NULL;
CREATE INDEX cases_retention ON cases (closed_at) WHERE anonymised_at IS NULL AND closed_at IS NOT NULL;
CREATE INDEX cases_nik ON cases (nik) WHERE nik IS NOT NULL;

ALTER TABLE case_policies DROP CONSTRAINT case_policies_key_check;
ALTER TABLE case_policies ADD CONSTRAINT case_policies_key_check
  CHECK (key IN ('aftercare_delay', 'reopen_window', 'confirm_destructive', 'retention_period'));
INSERT INTO case_policies (key, value) VALUES ('retention_period', '"P5Y"');
