-- A demonstration organization (`bridgeway demo`) is marked as such, so that it never counts as
-- "Bridgeway is set up": a visitor who tries the demo first can still set up the real one.
ALTER TABLE organizations ADD COLUMN is_demo boolean NOT NULL DEFAULT false;
