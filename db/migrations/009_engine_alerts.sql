-- Workflows closed or reset outside the application (terminated from the Temporal UI or CLI, a
-- reset, a failed run): the reconciler marks the case or claim so the portal and the lists say
-- so, and audits it once per run.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS engine_alert text;
ALTER TABLE cases ADD COLUMN IF NOT EXISTS engine_alert_at timestamptz;
ALTER TABLE tali_asih_claims ADD COLUMN IF NOT EXISTS engine_alert text;
ALTER TABLE tali_asih_claims ADD COLUMN IF NOT EXISTS engine_alert_at timestamptz;
