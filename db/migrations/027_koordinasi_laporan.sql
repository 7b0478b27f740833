-- Koordinasi meetings and the TKSK's monthly report (docs/koordinasi.md, decision 0024).
--
-- A meeting (Tikor kecamatan, rakor kabupaten, case conference, …) is recorded once by a TKSK or a
-- supervisor; meetingWorkflow (`rapat-<id>`) runs its action items as koordinasi_tindak_lanjut
-- tasks to completion. Free text (agenda, decisions, outside attendees) stays in these rows; the
-- audit chain holds codes and ids.
CREATE TABLE meetings (
  id                 uuid PRIMARY KEY,
  workflow_id        text NOT NULL UNIQUE,
  level              text NOT NULL CHECK (level IN ('tikor_kecamatan', 'rakor_kabupaten', 'case_conference', 'monev', 'lainnya')),
  title              text NOT NULL,
  held_on            date NOT NULL,
  place              text,
  chair              text NOT NULL,
  agenda             text[] NOT NULL,
  decisions          text[] NOT NULL DEFAULT '{}',
  -- People from outside kesos-flow: [{name, role, organisation}] (bank, e-warong, desa, police…).
  outside_attendees  jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(outside_attendees) = 'array'),
  -- Free references to PSKS entries (built elsewhere): kept as text, no foreign key.
  psks_references    text[] NOT NULL DEFAULT '{}',
  status             text NOT NULL CHECK (status IN ('following_up', 'completed')),
  -- The meeting's own region: a kecamatan (Tikor, case conference) or a kabupaten (rakor).
  region_code        text NOT NULL REFERENCES regions (code),
  kecamatan_code     text REFERENCES regions (code),
  kabupaten_code     text NOT NULL,
  provinsi_code      text NOT NULL,
  recorded_by        text NOT NULL REFERENCES users (id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  completed_at       timestamptz
);
CREATE INDEX meetings_kabupaten ON meetings (kabupaten_code, held_on DESC, id);
CREATE INDEX meetings_provinsi ON meetings (provinsi_code, held_on DESC, id);
CREATE INDEX meetings_kecamatan ON meetings (kecamatan_code, held_on DESC, id);
CREATE INDEX meetings_recorded_by ON meetings (recorded_by, held_on);

-- Attendees with an account (TKSK, supervisors).
CREATE TABLE meeting_attendees (
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  user_id    text NOT NULL REFERENCES users (id),
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_attendees_user ON meeting_attendees (user_id);

-- What the meeting discussed: cases, Sembako distribution periods, complaints (ids as text: each
-- kind has its own id format).
CREATE TABLE meeting_links (
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  kind       text NOT NULL CHECK (kind IN ('case', 'sembako_period', 'complaint')),
  ref        text NOT NULL,
  PRIMARY KEY (meeting_id, kind, ref)
);
CREATE INDEX meeting_links_ref ON meeting_links (kind, ref);

CREATE TABLE meeting_action_items (
  id                 uuid PRIMARY KEY,
  meeting_id         uuid NOT NULL REFERENCES meetings (id),
  position           integer NOT NULL,
  description        text NOT NULL,
  owner_id           text NOT NULL REFERENCES users (id),
  -- Working days the meeting gave; null: the task type's SLA policy.
  due_working_days   integer CHECK (due_working_days BETWEEN 1 AND 60),
  task_id            text,
  status             text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  result             text,
  done_on            date,
  completed_by       text REFERENCES users (id),
  completed_at       timestamptz,
  UNIQUE (meeting_id, position)
);
CREATE INDEX meeting_action_items_owner ON meeting_action_items (owner_id, status);

-- Daftar hadir, notulen, photos: small files kept in PostgreSQL (no file store exists yet); size
-- and type are limited by the API, which sniffs the content (PDF, JPEG, PNG).
CREATE TABLE meeting_attachments (
  id            uuid PRIMARY KEY,
  meeting_id    uuid NOT NULL REFERENCES meetings (id),
  kind          text NOT NULL CHECK (kind IN ('daftar_hadir', 'notulen', 'foto')),
  file_name     text NOT NULL,
  content_type  text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 2097152),
  sha256        text NOT NULL,
  content       bytea NOT NULL,
  uploaded_by   text NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id, created_at);

-- A TKSK's monthly report (laporan bulanan), id = workflow id `laporan-<userId>-<YYYY-MM>`: the
-- month's figures compiled from the projections, the TKSK's narrative and obstacles (kendala),
-- the kabupaten's review. The approved report prefills the tali asih claim of the same month.
CREATE TABLE monthly_reports (
  id              text PRIMARY KEY,
  tksk_id         text NOT NULL REFERENCES users (id),
  period          text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status          text NOT NULL CHECK (status IN ('narrative', 'review', 'approved')),
  counts          jsonb NOT NULL,
  details         jsonb NOT NULL DEFAULT '{}',
  compiled_at     timestamptz NOT NULL,
  narrative       text,
  kendala         text,
  return_reason   text,
  returns         integer NOT NULL DEFAULT 0,
  kecamatan_code  text NOT NULL REFERENCES regions (code),
  kabupaten_code  text NOT NULL,
  provinsi_code   text NOT NULL,
  opened_by       text REFERENCES users (id),
  submitted_at    timestamptz,
  reviewed_by     text REFERENCES users (id),
  approved_at     timestamptz,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (tksk_id, period)
);
CREATE INDEX monthly_reports_kabupaten ON monthly_reports (kabupaten_code, period DESC, id);
CREATE INDEX monthly_reports_provinsi ON monthly_reports (provinsi_code, period DESC, id);

-- Starting values (working days) for the admin to set per region.
INSERT INTO sla_policies (task_type, due_period) VALUES
  ('koordinasi_tindak_lanjut', 'P10D'),
  ('koordinasi_tindak_lanjut_dinas', 'P10D'),
  ('laporan_bulanan_narasi', 'P5D'),
  ('laporan_bulanan_review', 'P5D')
ON CONFLICT DO NOTHING;
