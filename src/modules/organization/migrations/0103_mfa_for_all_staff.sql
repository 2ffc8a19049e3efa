-- An organization may require a second factor of all its staff, not only of the roles that see
-- the whole record or run the place (src/lib/access.ts).
ALTER TABLE organizations ADD COLUMN mfa_required_for_all boolean NOT NULL DEFAULT false;
