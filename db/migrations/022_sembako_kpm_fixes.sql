-- Program Sembako (docs/sembako.md §1, "Data fixes"): a TKSK of the KPM's kecamatan (or a
-- kabupaten supervisor) proposes a fix to a register row; the kabupaten operator accepts or
-- rejects it as a task of kpmDataFixWorkflow (`kpm-fix-<id>`). The corrected NIK lives only here,
-- never in Temporal payloads or the audit chain; the proposer's reason goes to audit_texts.
CREATE TABLE sembako_kpm_fixes (
  id              uuid PRIMARY KEY,
  workflow_id     text NOT NULL UNIQUE,
  kpm_id          uuid NOT NULL REFERENCES sembako_kpm (id),
  kind            text NOT NULL CHECK (kind IN ('meninggal', 'pindah', 'tidak_layak', 'nik_tidak_sesuai', 'ganda')),
  -- pindah: the destination desa when it is within the kabupaten (else the KPM goes nonaktif/pindah).
  target_desa_code text REFERENCES regions (code),
  -- nik_tidak_sesuai: the NIK as Dukcapil holds it (personal data: shown masked like the register's).
  corrected_nik   text CHECK (corrected_nik ~ '^\d{16}$'),
  -- ganda: the register row this one duplicates.
  duplicate_of    uuid REFERENCES sembako_kpm (id),
  reason          text NOT NULL,
  status          text NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan', 'diterima', 'ditolak')),
  -- Region codes copied from the KPM when proposed: the list's region scope and filters.
  kecamatan_code  text NOT NULL,
  kabupaten_code  text NOT NULL,
  provinsi_code   text NOT NULL,
  proposed_by     text NOT NULL REFERENCES users (id),
  proposed_at     timestamptz NOT NULL DEFAULT now(),
  decided_by      text REFERENCES users (id),
  decided_at      timestamptz,
  reject_reason   text,
  CHECK ((kind = 'nik_tidak_sesuai') = (corrected_nik IS NOT NULL)),
  CHECK ((kind = 'ganda') = (duplicate_of IS NOT NULL)),
  CHECK (kind = 'pindah' OR target_desa_code IS NULL),
  CHECK (duplicate_of IS NULL OR duplicate_of <> kpm_id),
  CHECK ((status = 'diajukan') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
  CHECK ((status = 'ditolak') = (reject_reason IS NOT NULL))
);
-- One open fix per KPM at a time (the API answers 409 for a second).
CREATE UNIQUE INDEX sembako_kpm_fixes_one_open ON sembako_kpm_fixes (kpm_id) WHERE status = 'diajukan';
CREATE INDEX sembako_kpm_fixes_kecamatan ON sembako_kpm_fixes (kecamatan_code, proposed_at DESC, id);
CREATE INDEX sembako_kpm_fixes_kabupaten ON sembako_kpm_fixes (kabupaten_code, proposed_at DESC, id);
CREATE INDEX sembako_kpm_fixes_provinsi ON sembako_kpm_fixes (provinsi_code, proposed_at DESC, id);

-- One row per accepted fix, written in the transaction that changes the register: what the
-- desa/kabupaten operator enters into SIKS-NG (GET /api/sembako/kpm/changes.csv|.xlsx). `before`
-- and `after` hold the changed register fields only (status, status_reason, desa/kecamatan code,
-- pengurus_nik); the fix_id key makes applying an accepted fix idempotent.
CREATE TABLE sembako_kpm_changes (
  id              uuid PRIMARY KEY,
  fix_id          uuid NOT NULL UNIQUE REFERENCES sembako_kpm_fixes (id),
  kpm_id          uuid NOT NULL REFERENCES sembako_kpm (id),
  kind            text NOT NULL CHECK (kind IN ('meninggal', 'pindah', 'tidak_layak', 'nik_tidak_sesuai', 'ganda')),
  before          jsonb NOT NULL,
  after           jsonb NOT NULL,
  -- The KPM's region after the change (a move within the kabupaten changes kecamatan).
  kecamatan_code  text NOT NULL,
  kabupaten_code  text NOT NULL,
  provinsi_code   text NOT NULL,
  decided_by      text NOT NULL REFERENCES users (id),
  decided_at      timestamptz NOT NULL
);
CREATE INDEX sembako_kpm_changes_kabupaten ON sembako_kpm_changes (kabupaten_code, decided_at, id);
CREATE INDEX sembako_kpm_changes_kecamatan ON sembako_kpm_changes (kecamatan_code, decided_at, id);
