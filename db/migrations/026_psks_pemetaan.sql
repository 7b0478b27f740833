-- PSKS directory and pemetaan sosial (issue 16). Docs: docs/pemetaan.md, decision 0023.

-- The PSKS types as versioned reference data: the API serves and checks against the latest
-- version (by `version` order). Version 2012-12 is Permensos 8/2012's twelve types, as in
-- domain/psks.ts; a province that counts its "pilar" differently adds a version (all its rows).
CREATE TABLE psks_types (
  version  text NOT NULL,
  code     text NOT NULL CHECK (code ~ '^[A-Z0-9]{2,12}$'),
  no       integer NOT NULL,
  name_id  text NOT NULL,
  name_en  text NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('perorangan', 'keluarga', 'lembaga')),
  PRIMARY KEY (version, code),
  UNIQUE (version, no)
);
INSERT INTO psks_types (version, code, no, name_id, name_en, kind) VALUES
  ('2012-12', 'PSP', 1, 'Pekerja Sosial Profesional', 'Professional social worker', 'perorangan'),
  ('2012-12', 'PSM', 2, 'Pekerja Sosial Masyarakat', 'Community social worker (PSM)', 'perorangan'),
  ('2012-12', 'TAGANA', 3, 'Taruna Siaga Bencana', 'Disaster-preparedness youth (Tagana)', 'perorangan'),
  ('2012-12', 'LKS', 4, 'Lembaga Kesejahteraan Sosial', 'Social-welfare institution (LKS)', 'lembaga'),
  ('2012-12', 'KT', 5, 'Karang Taruna', 'Village youth organisation (Karang Taruna)', 'lembaga'),
  ('2012-12', 'LK3', 6, 'Lembaga Konsultasi Kesejahteraan Keluarga', 'Family-welfare consultation centre (LK3)', 'lembaga'),
  ('2012-12', 'KP', 7, 'Keluarga Pioner', 'Pioneer family', 'keluarga'),
  ('2012-12', 'WKSBM', 8, 'Wahana Kesejahteraan Sosial Berbasis Masyarakat', 'Community-based welfare network (WKSBM)', 'lembaga'),
  ('2012-12', 'WPKS', 9, 'Wanita Pemimpin Kesejahteraan Sosial', 'Women social-welfare leader', 'perorangan'),
  ('2012-12', 'PENSOS', 10, 'Penyuluh Sosial', 'Social extension worker', 'perorangan'),
  ('2012-12', 'TKSK', 11, 'Tenaga Kesejahteraan Sosial Kecamatan', 'Kecamatan social-welfare worker (TKSK)', 'perorangan'),
  ('2012-12', 'DU', 12, 'Dunia Usaha', 'Business (CSR)', 'lembaga');

-- The directory: organisations, families and people, each in a desa (its address), serving that
-- desa or the whole kecamatan. Never deleted (referrals point at entries): `active` ends one.
CREATE TABLE psks_entries (
  id                  text PRIMARY KEY,
  type_version        text NOT NULL,
  type_code           text NOT NULL,
  name                text NOT NULL,
  desa_code           text NOT NULL REFERENCES regions(code),
  kecamatan_code      text NOT NULL,
  kabupaten_code      text NOT NULL,
  provinsi_code       text NOT NULL,
  service_area        text NOT NULL CHECK (service_area IN ('desa', 'kecamatan')),
  address             text,
  contact_name        text,
  contact_phone       text,
  capacity            integer CHECK (capacity >= 0),
  services            text,
  registration_number text,
  accreditation       text CHECK (accreditation IN ('A', 'B', 'C', 'belum')),
  active              boolean NOT NULL DEFAULT true,
  created_by          text NOT NULL REFERENCES users(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (type_version, type_code) REFERENCES psks_types (version, code),
  CHECK (type_code = 'LKS' OR (registration_number IS NULL AND accreditation IS NULL))
);
CREATE INDEX psks_entries_kecamatan ON psks_entries (kecamatan_code, type_code, name);
CREATE INDEX psks_entries_kabupaten ON psks_entries (kabupaten_code, type_code, name);
CREATE INDEX psks_entries_desa ON psks_entries (desa_code) WHERE active;

-- A rujukan may name the directory entry it goes to (optional: older referrals and referrals to
-- places outside the directory have none).
ALTER TABLE referrals ADD COLUMN psks_id text REFERENCES psks_entries(id);
CREATE INDEX referrals_psks ON referrals (psks_id, created_at) WHERE psks_id IS NOT NULL;

-- An imported extract (DTSEN/Pusdatin): one row per file written, its counts in pemetaan_counts.
CREATE TABLE pemetaan_imports (
  id           text PRIMARY KEY,
  region_code  text NOT NULL,
  source_label text NOT NULL,
  as_of        date NOT NULL,
  file_sha256  text NOT NULL,
  rows         integer NOT NULL,
  imported_by  text NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Recorded counts (field counts and imports), append-only: a cell's value is its latest row by
-- (as_of, recorded_at); every row is its history. The computed sources (open cases, the
-- directory) are not stored.
CREATE TABLE pemetaan_counts (
  id             bigserial PRIMARY KEY,
  desa_code      text NOT NULL REFERENCES regions(code),
  kecamatan_code text NOT NULL,
  kabupaten_code text NOT NULL,
  provinsi_code  text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('ppks', 'psks')),
  code           text NOT NULL,
  source         text NOT NULL CHECK (source IN ('lapangan', 'impor')),
  count          integer NOT NULL CHECK (count >= 0),
  as_of          date NOT NULL,
  note           text,
  import_id      text REFERENCES pemetaan_imports(id),
  recorded_by    text NOT NULL REFERENCES users(id),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((source = 'impor') = (import_id IS NOT NULL))
);
CREATE INDEX pemetaan_counts_cell ON pemetaan_counts (desa_code, kind, code, source, as_of DESC, recorded_at DESC);
CREATE INDEX pemetaan_counts_kecamatan ON pemetaan_counts (kecamatan_code, recorded_at DESC);
CREATE INDEX pemetaan_counts_kabupaten ON pemetaan_counts (kabupaten_code, recorded_at DESC);
