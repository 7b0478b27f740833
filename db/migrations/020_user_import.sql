-- Bulk onboarding (issue #17): accounts imported from a spreadsheet, matched on re-import by their
-- nomor induk (NIAT of a TKSK, NIP of a civil servant), and invited instead of given a password.
-- An imported account's password_hash is unusable until its holder accepts the invitation.
ALTER TABLE users
  ADD COLUMN nomor_induk text UNIQUE,
  ADD COLUMN nomor_sk text,
  -- normalised: +62… ; lower-case e-mail
  ADD COLUMN phone text UNIQUE,
  ADD COLUMN email text UNIQUE,
  ADD COLUMN start_date date,
  ADD COLUMN invitation_pending boolean NOT NULL DEFAULT false;

-- One-time codes: only their SHA-256 is stored; single use, 14 days; a re-issue revokes the open one.
CREATE TABLE user_invitations (
  id          uuid PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id),
  code_sha256 text NOT NULL UNIQUE,
  issued_by   text NOT NULL REFERENCES users (id),
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz
);
CREATE UNIQUE INDEX user_invitations_open ON user_invitations (user_id) WHERE used_at IS NULL AND revoked_at IS NULL;

-- One row per applied import (dry runs and unchanged files leave none).
CREATE TABLE user_imports (
  id          uuid PRIMARY KEY,
  file_sha256 text NOT NULL,
  rows        int NOT NULL,
  created     int NOT NULL,
  updated     int NOT NULL,
  unchanged   int NOT NULL,
  imported_by text NOT NULL REFERENCES users (id),
  -- the privileged request a second admin confirmed, for a file with supervisors or auditors
  request_id  uuid REFERENCES privileged_requests (id),
  imported_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE privileged_requests DROP CONSTRAINT privileged_requests_kind_check;
ALTER TABLE privileged_requests ADD CONSTRAINT privileged_requests_kind_check
  CHECK (kind IN ('data_subject_export', 'user_create', 'user_update', 'password_reset', 'user_import'));
