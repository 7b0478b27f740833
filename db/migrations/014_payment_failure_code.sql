-- The payment provider's refusal as a machine code beside its own text (failure), so the portal
-- words it in Bahasa Indonesia by code instead of showing the provider's English.
ALTER TABLE tali_asih_components ADD COLUMN failure_code text;
