-- A distribution period's results in its projection (sembakoPeriodWorkflow, docs/sembako.md §3):
-- written once every point is monitored, so a kabupaten lists its kecamatan's periods with their
-- realisation (KPM served / listed), card problems per bank and kind, failed checklist items and
-- revocation recommendations; the report as the TKSK last submitted it.
ALTER TABLE sembako_periods
  ADD COLUMN points_monitored        int,
  ADD COLUMN kpm_listed              int CHECK (kpm_listed >= 0),
  ADD COLUMN kpm_served              int CHECK (kpm_served >= 0 AND kpm_served <= kpm_listed),
  -- [{bank, kind, count}] summed over the points, in the vocabularies' order.
  ADD COLUMN card_problems           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(card_problems) = 'array'),
  ADD COLUMN failed_items            int,
  -- The pointIds whose revocation (Permensos 5/2021 Pasal 58) the TKSK recommends.
  ADD COLUMN revocations_recommended jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(revocations_recommended) = 'array'),
  ADD COLUMN report_summary          jsonb;

CREATE INDEX sembako_periods_kecamatan ON sembako_periods (kecamatan_code, period DESC);
CREATE INDEX sembako_periods_provinsi ON sembako_periods (provinsi_code, period DESC);
-- Open complaints of a kecamatan, counted beside each period.
CREATE INDEX complaints_kecamatan_open ON complaints (kecamatan_code) WHERE status NOT IN ('closed', 'withdrawn');
