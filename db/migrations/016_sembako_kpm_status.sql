-- Program Sembako (docs/sembako.md §1): each KPM of the register is `aktif` or `nonaktif`, with the
-- kind of reason a nonaktif KPM has (a deceased or moved pengurus, an ineligible or duplicate
-- family). An import never changes it: it is the register's own judgement, shown in the list and
-- the export, and set by an accepted data fix (a later slice).
ALTER TABLE sembako_kpm
  ADD COLUMN status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'nonaktif')),
  ADD COLUMN status_reason text CHECK (status_reason IN ('meninggal', 'pindah', 'tidak_layak', 'ganda')),
  ADD CONSTRAINT sembako_kpm_status_reason CHECK ((status = 'aktif') = (status_reason IS NULL));
CREATE INDEX sembako_kpm_kecamatan_status ON sembako_kpm (kecamatan_code, status);
