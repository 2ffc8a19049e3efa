-- "Whose team am I on" (My caseload, the access check) also reads memberships ending in the
-- future, which the partial index of 0002 (ended_on IS NULL) cannot serve: npm run bench showed
-- a sequential scan. A plain index by person serves both.
CREATE INDEX care_team_members_user ON care_team_members (user_id, episode_id) INCLUDE (role, started_on, ended_on);
DROP INDEX care_team_members_user_current;
