-- Casework engine: working-day calendar, per-region case policies, referral projection,
-- deadline/escalation bookkeeping on tasks.

-- Deadlines in whole days count working days (weekends and these holidays skipped) unless off.
ALTER TABLE sla_policies ADD COLUMN working_days boolean NOT NULL DEFAULT true;

-- Indonesian national holidays (libur nasional), maintained by the admin. 2026 as published in
-- the SKB 3 Menteri; 2027 fixed dates plus movable feasts as estimated until the SKB appears.
CREATE TABLE holidays (
  day       date PRIMARY KEY,
  name      text NOT NULL,
  estimated boolean NOT NULL DEFAULT false
);
INSERT INTO holidays (day, name, estimated) VALUES
  ('2026-01-01', 'Tahun Baru Masehi', false),
  ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', false),
  ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', false),
  ('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', false),
  ('2026-03-20', 'Idulfitri 1447 H', false),
  ('2026-03-21', 'Idulfitri 1447 H', false),
  ('2026-04-03', 'Wafat Yesus Kristus', false),
  ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', false),
  ('2026-05-01', 'Hari Buruh Internasional', false),
  ('2026-05-14', 'Kenaikan Yesus Kristus', false),
  ('2026-05-27', 'Iduladha 1447 H', false),
  ('2026-05-31', 'Hari Raya Waisak 2570 BE', false),
  ('2026-06-01', 'Hari Lahir Pancasila', false),
  ('2026-06-16', 'Tahun Baru Islam 1448 H', false),
  ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', false),
  ('2026-08-25', 'Maulid Nabi Muhammad SAW', false),
  ('2026-12-25', 'Hari Raya Natal', false),
  ('2027-01-01', 'Tahun Baru Masehi', false),
  ('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', true),
  ('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', true),
  ('2027-03-09', 'Idulfitri 1448 H', true),
  ('2027-03-10', 'Idulfitri 1448 H', true),
  ('2027-03-26', 'Wafat Yesus Kristus', true),
  ('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', true),
  ('2027-04-08', 'Hari Suci Nyepi Tahun Baru Saka 1949', true),
  ('2027-05-01', 'Hari Buruh Internasional', false),
  ('2027-05-06', 'Kenaikan Yesus Kristus', true),
  ('2027-05-16', 'Iduladha 1448 H', true),
  ('2027-05-20', 'Hari Raya Waisak 2571 BE', true),
  ('2027-06-01', 'Hari Lahir Pancasila', false),
  ('2027-06-06', 'Tahun Baru Islam 1449 H', true),
  ('2027-08-14', 'Maulid Nabi Muhammad SAW', true),
  ('2027-08-17', 'Hari Kemerdekaan Republik Indonesia', false),
  ('2027-12-25', 'Hari Raya Natal', false);

-- Case-wide policies, optionally per region ('' = everywhere); values are JSON.
CREATE TABLE case_policies (
  key         text NOT NULL CHECK (key IN ('aftercare_delay', 'reopen_window', 'confirm_destructive')),
  region_code text NOT NULL DEFAULT '',
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, region_code)
);
INSERT INTO case_policies (key, value) VALUES
  ('aftercare_delay', '"P30D"'),
  ('reopen_window', '"P90D"'),
  ('confirm_destructive', 'false');

CREATE TABLE referrals (
  id               text PRIMARY KEY,
  case_id          text NOT NULL REFERENCES cases(id),
  workflow_id      text NOT NULL UNIQUE,
  destination_type text NOT NULL,
  institution_name text NOT NULL,
  reason           text NOT NULL,
  urgency          text NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'served', 'not_served', 'cancelled')),
  requested_by     text NOT NULL REFERENCES users(id),
  created_at       timestamptz NOT NULL,
  closed_at        timestamptz,
  outcome          jsonb
);
CREATE INDEX referrals_case ON referrals (case_id, created_at);

ALTER TABLE tasks ADD COLUMN escalation_level int NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN cancel_reason text;
CREATE INDEX tasks_open_due ON tasks (due_at) WHERE status = 'open';
