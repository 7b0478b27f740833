-- Tali asih: the TKSK stipend. Amounts are whole rupiah in bigint (never floats).

-- Where a TKSK's stipend is paid (bank code + account number), kept with the user.
ALTER TABLE users ADD COLUMN bank_account text;

-- Base rate per period, by validity dates (reported: Rp 700,000/month in 2020, Rp 1,000,000 in 2024).
CREATE TABLE tali_asih_rates (
  id             serial PRIMARY KEY,
  amount         bigint NOT NULL CHECK (amount > 0),
  valid_from     date NOT NULL,
  valid_to       date,
  funding_source text NOT NULL DEFAULT 'APBN' CHECK (funding_source IN ('APBN', 'APBD')),
  note           text
);
INSERT INTO tali_asih_rates (amount, valid_from, valid_to, note) VALUES
  (700000, '2020-01-01', '2023-12-31', 'Rp 700.000/bulan (dilaporkan 2020)'),
  (1000000, '2024-01-01', NULL, 'Rp 1.000.000/bulan (dilaporkan 2024)');

-- Special assignments paid on top (e.g. BSP/Sembako accompaniment), per TKSK.
CREATE TABLE tali_asih_assignments (
  id          serial PRIMARY KEY,
  tksk_id     text NOT NULL REFERENCES users(id),
  component   text NOT NULL CHECK (component ~ '^[a-z][a-z0-9_]{1,40}$' AND component <> 'base'),
  label       text NOT NULL,
  amount      bigint NOT NULL CHECK (amount > 0),
  valid_from  date NOT NULL,
  valid_to    date
);

-- Allocations per provinsi, period and funding source. reserved + paid never exceed allocated.
CREATE TABLE tali_asih_budgets (
  provinsi_code  text NOT NULL,
  period         text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  funding_source text NOT NULL CHECK (funding_source IN ('APBN', 'APBD')),
  allocated      bigint NOT NULL CHECK (allocated >= 0),
  reserved       bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  paid           bigint NOT NULL DEFAULT 0 CHECK (paid >= 0),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provinsi_code, period, funding_source),
  CHECK (reserved + paid <= allocated)
);

CREATE TABLE tali_asih_claims (
  id             text PRIMARY KEY,          -- tali-asih-<tkskId>-<period>, the workflow id
  tksk_id        text NOT NULL REFERENCES users(id),
  period         text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  kecamatan_code text NOT NULL,
  kabupaten_code text NOT NULL,
  provinsi_code  text NOT NULL,
  funding_source text NOT NULL DEFAULT 'APBN',
  status         text NOT NULL CHECK (status IN ('report', 'verification', 'approval', 'awaiting_budget', 'disbursing', 'paid', 'rejected')),
  activity       jsonb NOT NULL DEFAULT '{}',   -- prefilled casework numbers of the period
  narrative      text,
  total_amount   bigint NOT NULL DEFAULT 0,
  rejected_reason text,
  opened_by      text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tksk_id, period)
);
CREATE INDEX tali_asih_claims_period ON tali_asih_claims (provinsi_code, period, status);

-- One row per claim component: never paid twice (unique TKSK, period, component).
CREATE TABLE tali_asih_components (
  claim_id       text NOT NULL REFERENCES tali_asih_claims(id),
  tksk_id        text NOT NULL,
  period         text NOT NULL,
  component      text NOT NULL,
  label          text NOT NULL,
  amount         bigint NOT NULL CHECK (amount > 0),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'reserved', 'paid', 'failed', 'cancelled')),
  payment_ref    text,
  paid_at        timestamptz,
  failure        text,
  PRIMARY KEY (claim_id, component),
  UNIQUE (tksk_id, period, component)
);
