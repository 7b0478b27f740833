-- A sanction recommendation about an e-warong/agen (Permensos 5/2021 Pasal 58: Dinas Sosial
-- recommends sanctions to Kemensos), proposed by a kabupaten supervisor and approved or rejected
-- by a second one (sanctionRecommendationWorkflow, id sanksi-<id>). The reasoning is free text and
-- stays in this row (the audit chain holds codes and ids only).
CREATE SEQUENCE sembako_sanction_numbers;
CREATE TABLE sembako_sanctions (
  id                  uuid PRIMARY KEY,
  workflow_id         text NOT NULL UNIQUE,
  letter_number       text NOT NULL UNIQUE,
  e_warong_name       text NOT NULL,
  e_warong_desa_code  text NOT NULL REFERENCES regions (code),
  complaint_ids       uuid[] NOT NULL DEFAULT '{}',
  period_ids          text[] NOT NULL DEFAULT '{}',
  kind                text NOT NULL CHECK (kind IN ('teguran_tertulis', 'penonaktifan_sementara', 'pemutusan_kerja_sama')),
  repayment_amount    bigint CHECK (repayment_amount > 0),
  reasoning           text NOT NULL,
  status              text NOT NULL CHECK (status IN ('awaiting_approval', 'approved', 'rejected')),
  decision_reason     text,
  kecamatan_code      text NOT NULL REFERENCES regions (code),
  kabupaten_code      text NOT NULL,
  provinsi_code       text NOT NULL,
  proposed_by         text NOT NULL REFERENCES users (id),
  decided_by          text REFERENCES users (id),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  decided_at          timestamptz,
  CHECK (cardinality(complaint_ids) + cardinality(period_ids) > 0)
);
CREATE INDEX sembako_sanctions_kabupaten ON sembako_sanctions (kabupaten_code, created_at DESC, id);
CREATE INDEX sembako_sanctions_provinsi ON sembako_sanctions (provinsi_code, created_at DESC, id);

-- The second supervisor's decision, in working days (a starting value for the admin to set per region).
INSERT INTO sla_policies (task_type, due_period) VALUES ('sembako_sanction_approval', 'P5D') ON CONFLICT DO NOTHING;
