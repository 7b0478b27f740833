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

-- Complaints (pengaduan) about Program Sembako: the projection of complaintWorkflow
-- (`pengaduan-<id>`). The complainant's name, phone and words are personal data, shown only to
-- the kecamatan's TKSK and the kabupaten supervisor; the audit chain holds codes and decisions.
CREATE TABLE complaints (
  id                 uuid PRIMARY KEY,
  workflow_id        text NOT NULL UNIQUE,
  channel            text NOT NULL CHECK (channel IN ('tatap_muka', 'telepon', 'sms_1708', 'lapor_go_id', 'bank', 'dinas_sosial')),
  lapor_reference    text CHECK ((channel = 'lapor_go_id') = (lapor_reference IS NOT NULL)),
  category           text NOT NULL CHECK (category IN ('tepat_sasaran', 'tepat_jumlah', 'tepat_harga', 'tepat_waktu', 'tepat_kualitas',
                                                       'tepat_administrasi', 'kartu', 'data', 'perilaku_agen')),
  description        text NOT NULL,
  received_on        date NOT NULL,
  complainant_name   text,
  complainant_phone  text,
  complainant_is_kpm boolean NOT NULL DEFAULT false,
  subject_kind       text NOT NULL CHECK (subject_kind IN ('kpm', 'e_warong', 'umum')),
  kpm_id             uuid REFERENCES sembako_kpm (id),
  e_warong_name      text,
  e_warong_desa_code text REFERENCES regions (code),
  status             text NOT NULL CHECK (status IN ('forwarding', 'awaiting_acknowledgement', 'awaiting_resolution', 'awaiting_confirmation',
                                                     'closed', 'withdrawn')),
  answerer_type      text CHECK (answerer_type IN ('bank', 'e_warong', 'desa', 'dinas_sosial')),
  answerer_name      text,
  resolution         jsonb,
  kecamatan_code     text NOT NULL REFERENCES regions (code),
  kabupaten_code     text NOT NULL,
  provinsi_code      text NOT NULL,
  assignee_id        text REFERENCES users (id),
  received_by        text NOT NULL REFERENCES users (id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  closed_at          timestamptz,
  CHECK ((subject_kind = 'kpm') = (kpm_id IS NOT NULL)),
  CHECK ((subject_kind = 'e_warong') = (e_warong_name IS NOT NULL))
);
CREATE INDEX complaints_kecamatan ON complaints (kecamatan_code, created_at DESC, id);
CREATE INDEX complaints_kabupaten ON complaints (kabupaten_code, created_at DESC, id);
CREATE INDEX complaints_provinsi ON complaints (provinsi_code, created_at DESC, id);
CREATE INDEX complaints_kpm ON complaints (kpm_id) WHERE kpm_id IS NOT NULL;

-- Deadlines of the complaint steps, in working days. No official service standard was found for
-- Sembako complaints: these are starting values for the admin to set per region.
INSERT INTO sla_policies (task_type, due_period) VALUES
  ('pengaduan_forward', 'P2D'),
  ('pengaduan_acknowledgement', 'P3D'),
  ('pengaduan_resolution', 'P10D'),
  ('pengaduan_confirmation', 'P3D')
ON CONFLICT DO NOTHING;

-- The monitoring checklist of a distribution point, as data: the most specific region ('' =
-- everywhere) and the latest `valid_from` period not after the period monitored win. The default
-- lists what field reports check at an e-warong; no official form was found.
CREATE TABLE sembako_checklists (
  region_code text NOT NULL DEFAULT '',
  valid_from  text NOT NULL CHECK (valid_from ~ '^20\d{2}-(0[1-9]|1[0-2])$'),
  items       jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, valid_from)
);
INSERT INTO sembako_checklists (region_code, valid_from, items) VALUES ('', '2020-01', '[
  {"itemId": "papan_nama", "label": "Papan nama e-warong terpasang (min. 50x50 cm)"},
  {"itemId": "edc_berfungsi", "label": "Mesin EDC berfungsi"},
  {"itemId": "pakta_integritas", "label": "Pakta integritas ditandatangani"},
  {"itemId": "kpm_memilih", "label": "KPM memilih sendiri barangnya (tanpa paket paksa)"},
  {"itemId": "harga_wajar", "label": "Harga sama atau di bawah harga pasar"},
  {"itemId": "timbangan_sesuai", "label": "Berat sesuai (kemasan ditimbang)"},
  {"itemId": "kualitas_layak", "label": "Kualitas barang layak"},
  {"itemId": "tanpa_pengarahan_pemasok", "label": "Tidak diarahkan ke satu pemasok"},
  {"itemId": "antrean_tertib", "label": "Antrean tertib"}
]');

-- One distribution period of a kecamatan (sembakoPeriodWorkflow, id sembako-<kecamatan>-<period>).
CREATE TABLE sembako_periods (
  id             text PRIMARY KEY,
  period         text NOT NULL,
  kecamatan_code text NOT NULL REFERENCES regions (code),
  kabupaten_code text NOT NULL,
  provinsi_code  text NOT NULL,
  status         text NOT NULL CHECK (status IN ('tikor', 'monitoring', 'report', 'verification', 'verified')),
  points         jsonb NOT NULL,
  checklist      jsonb NOT NULL,
  opened_by      text NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  UNIQUE (kecamatan_code, period)
);
CREATE INDEX sembako_periods_kabupaten ON sembako_periods (kabupaten_code, period DESC);

INSERT INTO sla_policies (task_type, due_period) VALUES
  ('sembako_tikor_meeting', 'P5D'),
  ('sembako_monitoring', 'P10D'),
  ('sembako_period_report', 'P5D'),
  ('sembako_period_verification', 'P5D')
ON CONFLICT DO NOTHING;
