-- A placement may cite the ASAM review it follows from (docs/asam.md). The pair key makes the
-- database itself refuse a review of another episode; the service says so first, naming the field.
ALTER TABLE placements ADD COLUMN asam_review_id uuid;
ALTER TABLE placements
  ADD CONSTRAINT placements_asam_review FOREIGN KEY (asam_review_id, episode_id) REFERENCES asam_reviews (id, episode_id);
CREATE INDEX placements_asam_review ON placements (asam_review_id) WHERE asam_review_id IS NOT NULL;
