-- Four-eyes for privileged admin actions: a data-subject export, creating or changing a
-- supervisor's, auditor's or admin's account, resetting their password. The first admin's call
-- records the request with a reason; a different admin confirms (or declines) it, and only then
-- is it done. `payload` is what will be done (a NIK, a password hash, the changes: never a
-- password) and is emptied once the request is decided or expires; `summary` is what the second
-- admin is shown.
CREATE TABLE privileged_requests (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('data_subject_export', 'user_create', 'user_update', 'password_reset')),
  target_user_id text REFERENCES users (id),
  summary        jsonb NOT NULL,
  payload        jsonb NOT NULL,
  reason         text NOT NULL,
  requested_by   text NOT NULL REFERENCES users (id),
  requested_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  -- pending → confirmed (an export, until its requester downloads it) → done; or declined, expired
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'done', 'declined', 'expired')),
  decided_by     text REFERENCES users (id),
  decided_at     timestamptz,
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX privileged_requests_open ON privileged_requests (requested_at) WHERE status IN ('pending', 'confirmed');
