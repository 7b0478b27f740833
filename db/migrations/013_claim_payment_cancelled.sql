-- A cancelled payment no longer rejects its claim: the claim waits in payment_cancelled until the
-- province reissues it (decision 0015).
ALTER TABLE tali_asih_claims DROP CONSTRAINT IF EXISTS tali_asih_claims_status_check;
ALTER TABLE tali_asih_claims ADD CONSTRAINT tali_asih_claims_status_check
  CHECK (status IN ('report', 'verification', 'approval', 'awaiting_budget', 'disbursing', 'payment_cancelled', 'paid', 'rejected'));
