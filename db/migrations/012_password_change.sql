-- An account whose password someone else chose (the first admin that `npm run bootstrap` creates)
-- must pick its own before it can do anything else.
ALTER TABLE users ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;
