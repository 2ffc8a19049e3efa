-- Sensitive notes (docs/restrictions.md): set by the author while the note is a draft; a
-- sensitive note's text is read only by its author, its co-signer, supervisors of the program
-- and care-team members in SENSITIVE_NOTE_ROLES (src/modules/contacts/codes.ts).
ALTER TABLE contact_notes ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
