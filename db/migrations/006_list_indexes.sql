-- Region scopes are code prefixes ('33.73.%'): text_pattern_ops lets the btree serve LIKE
-- prefixes under any collation. Found by `npm run bench:inbox` at 100,000 cases.
CREATE INDEX tasks_open_region_due ON tasks (region_code text_pattern_ops, due_at) WHERE status = 'open';
CREATE INDEX tasks_open_due_id ON tasks (due_at, id) WHERE status = 'open';
CREATE INDEX cases_desa_prefix_created ON cases (desa_code text_pattern_ops, created_at DESC);
CREATE INDEX cases_created_id ON cases (created_at DESC, id);
