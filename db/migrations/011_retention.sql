-- Free text of audit rows (reasons, notes) beside the append-only, hash-chained audit_log: the
-- row's details hold {"textSha256": …}, a salted SHA-256 of each text, so the chain covers the
-- text without holding it; the text and its salt live here, and retention blanks them with the
-- case's personal data (the chain still verifies: the digest stays, and without the salt it
-- cannot confirm a guessed text). Rows written before this migration keep their text in details.
CREATE TABLE audit_texts (
  event_key  text NOT NULL REFERENCES audit_log (event_key),
  field      text NOT NULL,
  case_id    text,
  text       text,
  salt       text,
  blanked_at timestamptz,
  PRIMARY KEY (event_key, field),
  CHECK ((text IS NULL) = (blanked_at IS NOT NULL) AND (salt IS NULL) = (text IS NULL))
);
CREATE INDEX audit_texts_case ON audit_texts (case_id) WHERE blanked_at IS NULL;

-- Idempotency records live 24 hours (the retention workflow deletes older ones). The id of what
-- a keyed request creates (a case) is drawn once per record and kept when a crashed request is
-- taken over; a key used again after its record expired creates something new. Records from
-- before this migration (NULL) keep the id derived from the user and key.
ALTER TABLE idempotency_keys ADD COLUMN resource_id uuid;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
