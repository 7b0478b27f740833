-- Program Sembako: the kabupaten's distribution calendar and the KPM list check (docs/sembako.md §3,
-- decision 0021).
--
-- A period opened by the calendar's Schedule is opened by the system: no user opened it.
ALTER TABLE sembako_periods ALTER COLUMN opened_by DROP NOT NULL;
-- The TKSK's check of the period's KPM list against the register (task sembako_kpm_check): counts
-- only, {checkedOn, kpmListed, kpmFound, kpmNotFound, problems: {meninggal, pindah, ganda, tidakLayak}, registerActive}.
ALTER TABLE sembako_periods ADD COLUMN kpm_check jsonb CHECK (kpm_check IS NULL OR jsonb_typeof(kpm_check) = 'object');

-- One row per kabupaten and period: the planned first day of distribution. The kabupaten's Schedule
-- (kesos-sembako-calendar-<kabupaten>) opens each kecamatan's period on opens_on, lead_working_days
-- working days before it (weekends and the holidays known when the entry was recorded skipped);
-- opened_at and open_result record that it ran (once).
CREATE TABLE sembako_calendar (
  id                uuid PRIMARY KEY,
  kabupaten_code    text NOT NULL REFERENCES regions (code),
  provinsi_code     text NOT NULL,
  period            text NOT NULL CHECK (period ~ '^20\d{2}-(0[1-9]|1[0-2])$'),
  planned_start     date NOT NULL CHECK (to_char(planned_start, 'YYYY-MM') = period),
  channel           text CHECK (channel IN ('kks', 'pos')),
  lead_working_days int NOT NULL CHECK (lead_working_days BETWEEN 0 AND 30),
  opens_on          date NOT NULL CHECK (opens_on <= planned_start),
  note              text,
  created_by        text NOT NULL REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  opened_at         timestamptz,
  -- {opened: [kecamatan], existing: [kecamatan], skipped: [{kecamatanCode, reason}]}
  open_result       jsonb,
  UNIQUE (kabupaten_code, period)
);
CREATE INDEX sembako_calendar_provinsi ON sembako_calendar (provinsi_code, planned_start DESC);
CREATE INDEX sembako_calendar_due ON sembako_calendar (kabupaten_code, opens_on) WHERE opened_at IS NULL;

INSERT INTO sla_policies (task_type, due_period) VALUES ('sembako_kpm_check', 'P5D') ON CONFLICT DO NOTHING;
