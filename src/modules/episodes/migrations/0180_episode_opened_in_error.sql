-- An episode opened by mistake (a second open episode of the same person in the same program,
-- the wrong person or program) is voided by closing it with the reason `opened-in-error`: the
-- rows stay, the closing is audited like any other, and nothing is erased (docs/patients.md).
ALTER TABLE episodes DROP CONSTRAINT episodes_closure_reason_check;
ALTER TABLE episodes ADD CONSTRAINT episodes_closure_reason_check CHECK (closure_reason IN (
  'goals-met', 'transferred', 'moved', 'lost-to-contact', 'declined-further-services', 'incarcerated', 'died', 'other',
  'opened-in-error'));
