-- Program Sembako (docs/sembako.md §1, "Data fixes"): the deadline of the kabupaten operator's
-- review of a proposed KPM data fix (task sembako_kpm_fix_review of kpmDataFixWorkflow). No
-- official service standard was found: five working days, like the other kabupaten reviews, set
-- per region by the admin (PUT /api/admin/sla-policies).
INSERT INTO sla_policies (task_type, due_period) VALUES ('sembako_kpm_fix_review', 'P5D') ON CONFLICT DO NOTHING;
