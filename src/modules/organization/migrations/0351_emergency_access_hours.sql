-- How long a break-the-glass grant lasts (src/modules/emergency-access), in hours: 4 unless the
-- organization chooses otherwise, never more than a day.
ALTER TABLE organizations ADD COLUMN emergency_access_hours integer NOT NULL DEFAULT 4
  CHECK (emergency_access_hours BETWEEN 1 AND 24);
