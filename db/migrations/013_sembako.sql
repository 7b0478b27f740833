-- Program Sembako (docs/sembako.md): the KPM register per kecamatan, imported from the desa's
-- spreadsheets, and the complaints (pengaduan) the TKSK follows up as complaintWorkflow.

-- One row per KPM (family). Personal data as in `cases`: NIK, name, KK and KKS numbers are shown
-- in full only to the kecamatan's TKSK and the kabupaten supervisor (api/sembako/queries.ts) and
-- never written to the audit chain or to Temporal (complaints name a KPM by `id`).
CREATE TABLE sembako_kpm (
  id             uuid PRIMARY KEY,
  -- The KPM's DTKS/DTSEN id: the register's key, the one re-imports match on.
  id_kpm         text NOT NULL UNIQUE,
  id_pengurus    text,
  kks_number     text UNIQUE,
  kk_number      text NOT NULL UNIQUE,
  pengurus_nik   text NOT NULL UNIQUE,
  pengurus_name  text NOT NULL,
  pkh_status     text NOT NULL CHECK (pkh_status IN ('pkh', 'non_pkh')),
  channel        text NOT NULL CHECK (channel IN ('kks', 'pos')),
  bank           text CHECK (bank IN ('BRI', 'BNI', 'MANDIRI', 'BSI')),
  desa_code      text NOT NULL REFERENCES regions (code),
  kecamatan_code text NOT NULL,
  kabupaten_code text NOT NULL,
  provinsi_code  text NOT NULL,
  -- SHA-256 of the row's normalised cells: an unchanged row of a re-import writes nothing.
  row_sha256     text NOT NULL,
  last_import_id uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (channel = 'kks' AND bank IS NOT NULL AND kks_number IS NOT NULL OR channel = 'pos' AND bank IS NULL)
);
CREATE INDEX sembako_kpm_kecamatan ON sembako_kpm (kecamatan_code, updated_at DESC, id);
CREATE INDEX sembako_kpm_kabupaten ON sembako_kpm (kabupaten_code, updated_at DESC, id);
CREATE INDEX sembako_kpm_provinsi ON sembako_kpm (provinsi_code, updated_at DESC, id);

-- One row per import that changed the register (a re-import of the same file writes none).
CREATE TABLE sembako_kpm_imports (
  id             uuid PRIMARY KEY,
  kecamatan_code text NOT NULL REFERENCES regions (code),
  file_sha256    text NOT NULL,
  rows           int NOT NULL,
  created        int NOT NULL,
  updated        int NOT NULL,
  unchanged      int NOT NULL,
  -- In the register, not in the file: reported, never deleted (removal goes through the desa's SPTJM).
  missing        int NOT NULL,
  imported_by    text NOT NULL REFERENCES users (id),
  imported_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sembako_kpm_imports_kecamatan ON sembako_kpm_imports (kecamatan_code, imported_at DESC);
