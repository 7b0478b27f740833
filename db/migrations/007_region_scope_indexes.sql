-- Case lists scope by the caller's level (kecamatan_code = …, kabupaten_code = …) and page by
-- newest first: these indexes return a scope's page in order without sorting it. Found by
-- `npm run bench:inbox` (TKSK case list at 100,000 cases).
CREATE INDEX cases_kecamatan_created ON cases (kecamatan_code, created_at DESC, id);
CREATE INDEX cases_kabupaten_created ON cases (kabupaten_code, created_at DESC, id);
