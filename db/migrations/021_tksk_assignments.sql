-- TKSK assignments (Permensos 28/2018): one row per SK period of a TKSK, kept for ever (history),
-- written by tkskAssignmentWorkflow (`assignment-<userId>`). Docs: docs/tksk-assignment.md.
CREATE TABLE tksk_assignments (
  id              text PRIMARY KEY,
  user_id         text NOT NULL REFERENCES users(id),
  sk_number       text NOT NULL,
  sk_date         date NOT NULL,
  kecamatan_code  text NOT NULL REFERENCES regions(code),
  kabupaten_code  text NOT NULL,
  provinsi_code   text NOT NULL,
  start_date      date NOT NULL,
  end_date        date NOT NULL CHECK (end_date >= start_date),
  status          text NOT NULL CHECK (status IN ('scheduled', 'active', 'evaluation', 'renewed', 'ending', 'ended')),
  outcome         text CHECK (outcome IN ('renew', 'renew_with_coaching', 'not_renew')),
  end_reason      text CHECK (end_reason IN ('resignation', 'asn_pppk', 'death', 'not_renewed')),
  ended_on        date,
  successor_id    text REFERENCES users(id),
  evaluation      jsonb,
  created_by      text NOT NULL REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX tksk_assignments_user ON tksk_assignments (user_id, start_date DESC);
CREATE INDEX tksk_assignments_kabupaten ON tksk_assignments (kabupaten_code, status);

-- The Koordinator TKSK of a kabupaten (Permensos 28/2018): a TKSK account named here appraises the
-- kabupaten's TKSK beside the supervisor. One per kabupaten; no new role.
CREATE TABLE tksk_koordinators (
  kabupaten_code text PRIMARY KEY,
  user_id        text NOT NULL REFERENCES users(id),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The evaluation instrument's criteria, as data: the most specific region ('' = everywhere) and the
-- latest version win. `figure` names the year's figure prefilled for the criterion (or null).
CREATE TABLE tksk_evaluation_criteria (
  region_code text NOT NULL DEFAULT '',
  version     integer NOT NULL,
  items       jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, version)
);
INSERT INTO tksk_evaluation_criteria (region_code, version, items) VALUES ('', 1, '[
  {"criterionId": "caseload", "label": "Kasus yang didaftarkan dan ditangani", "figure": "casesHandled"},
  {"criterionId": "sla", "label": "Tugas selesai tepat waktu", "figure": "slaCompliance"},
  {"criterionId": "rujukan", "label": "Rujukan yang dijawab", "figure": "referralsAnswered"},
  {"criterionId": "laporan_bulanan", "label": "Laporan bulanan tali asih", "figure": "monthlyReports"},
  {"criterionId": "sembako", "label": "Monitoring penyaluran Sembako", "figure": "sembakoMonitored"},
  {"criterionId": "sikap", "label": "Sikap dan kerja sama dengan pendamping lain", "figure": null}
]');

INSERT INTO sla_policies (task_type, due_period) VALUES
  ('tksk_evaluation', 'P14D'),
  ('tksk_evaluation_koordinator', 'P14D')
ON CONFLICT DO NOTHING;
