-- kesos-flow initial schema: regions, users, the case/task projection of the workflows, and the
-- hash-chained audit log. Workflows are the source of truth; these tables are their read model
-- (written only by idempotent activities) plus reference data.

CREATE TABLE regions (
  code         text PRIMARY KEY,
  level        text NOT NULL CHECK (level IN ('provinsi', 'kabupaten', 'kecamatan', 'desa')),
  name         text NOT NULL,
  parent_code  text REFERENCES regions(code),
  code_version text NOT NULL
);

CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor', 'admin')),
  region_code   text REFERENCES regions(code),
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cases (
  id             text PRIMARY KEY,
  workflow_id    text NOT NULL UNIQUE,
  nik            text NOT NULL,
  name           text NOT NULL,
  birth_date     date NOT NULL,
  sex            text NOT NULL CHECK (sex IN ('L', 'P')),
  address        text NOT NULL,
  desa_code      text NOT NULL REFERENCES regions(code),
  kecamatan_code text NOT NULL,
  kabupaten_code text NOT NULL,
  provinsi_code  text NOT NULL,
  pmks_code      text NOT NULL,
  summary        text NOT NULL,
  consent        jsonb NOT NULL,
  status         text NOT NULL,
  step           text,
  assignee_id    text REFERENCES users(id),
  paused         boolean NOT NULL DEFAULT false,
  overdue        boolean NOT NULL DEFAULT false,
  closed_reason  text,
  registered_by  text NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_kecamatan_status ON cases (kecamatan_code, status, created_at DESC);
CREATE INDEX cases_kabupaten_status ON cases (kabupaten_code, status, created_at DESC);
CREATE INDEX cases_assignee ON cases (assignee_id, status);

CREATE TABLE tasks (
  id             text PRIMARY KEY,
  workflow_id    text NOT NULL,
  case_id        text REFERENCES cases(id),
  type           text NOT NULL,
  candidate_role text NOT NULL,
  region_code    text NOT NULL,
  assignee_id    text REFERENCES users(id),
  -- who produced what this task reviews: four-eyes forbids them completing it
  submitted_by   text REFERENCES users(id),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
  context        jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL,
  due_at         timestamptz,
  overdue        boolean NOT NULL DEFAULT false,
  completed_at   timestamptz,
  outcome        text,
  data           jsonb,
  actor_id       text REFERENCES users(id)
);
CREATE INDEX tasks_region_status ON tasks (region_code, status, due_at);
CREATE INDEX tasks_assignee_status ON tasks (assignee_id, status, due_at);
CREATE INDEX tasks_case ON tasks (case_id, created_at);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical content). See db/audit.ts.
CREATE TABLE audit_log (
  seq         bigserial PRIMARY KEY,
  event_key   text NOT NULL UNIQUE,
  at          timestamptz NOT NULL,
  actor_id    text,
  actor_role  text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  case_id     text,
  details     jsonb NOT NULL DEFAULT '{}',
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_case ON audit_log (case_id, seq);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
