-- Due period per task type (ISO 8601 duration), optionally per region ('' = everywhere).
-- Read by the createTask activity when a task is created, so workflow history stays deterministic.
CREATE TABLE sla_policies (
  task_type   text NOT NULL,
  region_code text NOT NULL DEFAULT '',
  due_period  text NOT NULL CHECK (due_period ~ '^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$'),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_type, region_code)
);

INSERT INTO sla_policies (task_type, due_period) VALUES
  ('asesmen', 'P7D'),
  ('assessment_approval', 'P3D'),
  ('pendampingan_visit', 'P14D'),
  ('rujukan_feedback', 'P14D'),
  ('closure_approval', 'P3D'),
  ('bimbingan_lanjut', 'P30D'),
  ('sla_escalation', 'P2D'),
  ('tali_asih_report', 'P10D'),
  ('tali_asih_verification', 'P5D'),
  ('tali_asih_approval', 'P5D');
