-- Region code lists by version (issue #17): the whole Kepmendagri list is loaded at start-up from
-- the idn-area-data package (infra/regionsLoad.ts). A later list is loaded beside an earlier one:
-- codes it no longer has stay (cases, users and statistics hold them) with `retired_in` set, and
-- region_code_changes maps an old code to the code(s) that replaced it.
ALTER TABLE regions ADD COLUMN retired_in text;

CREATE TABLE region_code_versions (
  version   text PRIMARY KEY,
  -- SHA-256 of the loaded rows and changes: the same files again are skipped
  digest    text NOT NULL,
  counts    jsonb NOT NULL,
  loaded_at timestamptz NOT NULL
);

CREATE TABLE region_code_changes (
  old_code text NOT NULL REFERENCES regions (code),
  new_code text NOT NULL REFERENCES regions (code),
  version  text NOT NULL REFERENCES region_code_versions (version) DEFERRABLE INITIALLY DEFERRED,
  reason   text NOT NULL DEFAULT '',
  PRIMARY KEY (old_code, new_code)
);
CREATE INDEX region_code_changes_new ON region_code_changes (new_code);

-- Children of a region (pickers) and lookups by name over 90,000 rows.
CREATE INDEX IF NOT EXISTS regions_parent ON regions (parent_code, name);
CREATE INDEX IF NOT EXISTS regions_name_lower ON regions (lower(name) text_pattern_ops);
