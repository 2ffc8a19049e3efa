-- The privacy officer's review of a § 2.51 emergency disclosure (docs/privacy-office.md): a
-- coded finding and an optional note. The finding's codes are REVIEW_FINDINGS in codes.ts.
ALTER TABLE disclosures ADD COLUMN review_note text;
ALTER TABLE disclosures
  ADD CONSTRAINT disclosures_review_finding_check CHECK (review_finding IN ('appropriate', 'inappropriate', 'needs-follow-up'));
-- A review is only of an emergency disclosure.
ALTER TABLE disclosures ADD CONSTRAINT disclosures_review_emergency_only CHECK (reviewed_at IS NULL OR basis = 'medical-emergency');
ALTER TABLE disclosures ADD CONSTRAINT disclosures_review_note_with_finding CHECK (review_note IS NULL OR review_finding IS NOT NULL);

-- The org-wide disclosures log, newest first, and the expiring-consents list.
CREATE INDEX disclosures_org_disclosed ON disclosures (organization_id, disclosed_at DESC, id DESC);
CREATE INDEX consents_org_expiring ON consents (organization_id, expires_on) WHERE expires_on IS NOT NULL AND ended_on IS NULL;
