-- Tasks (docs/tasks.md): every promise with a due date. A task may be about a patient (and one
-- of their episodes) or be a staff member's own; it is assigned to a staff member, or to the
-- patient for their own steps. Its history (created, reassigned, done, cancelled, reopened) is
-- kept in task_events: the audit trail says who did what, the events are what the timeline shows.
CREATE TABLE tasks (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  patient_id uuid,
  episode_id uuid,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  assignee_user_id uuid REFERENCES users (id),
  assigned_to_patient boolean NOT NULL DEFAULT false,
  due_on date NOT NULL,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  status_changed_by uuid REFERENCES users (id),
  status_changed_at timestamptz,
  -- Where it came from when another record made it: the module's kind, and the record.
  source_kind text CHECK (char_length(source_kind) BETWEEN 1 AND 60),
  source_record_type text,
  source_record_id uuid,
  created_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE,
  CONSTRAINT tasks_patient_key UNIQUE (organization_id, id, patient_id),
  CHECK (episode_id IS NULL OR patient_id IS NOT NULL),
  -- A staff member, or the patient themselves: exactly one.
  CHECK ((assignee_user_id IS NULL) = assigned_to_patient),
  CHECK (NOT assigned_to_patient OR patient_id IS NOT NULL),
  CHECK ((status = 'open') = (status_changed_at IS NULL AND status_changed_by IS NULL)),
  CHECK ((source_record_type IS NULL) = (source_record_id IS NULL)),
  CHECK (source_record_id IS NULL OR source_kind IS NOT NULL)
);
-- Today: a staff member's open tasks by due date.
CREATE INDEX tasks_assignee_open ON tasks (assignee_user_id, due_on) WHERE status = 'open';
CREATE INDEX tasks_patient ON tasks (patient_id, due_on) WHERE patient_id IS NOT NULL;
CREATE INDEX tasks_episode ON tasks (episode_id) WHERE episode_id IS NOT NULL;
CREATE INDEX tasks_source ON tasks (source_record_id) WHERE source_record_id IS NOT NULL;

CREATE TABLE task_events (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid,
  task_id uuid NOT NULL REFERENCES tasks (id),
  event text NOT NULL CHECK (event IN ('created', 'reassigned', 'done', 'cancelled', 'reopened')),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid NOT NULL REFERENCES users (id),
  -- A reassignment: from whom to whom (null = the patient).
  from_user_id uuid REFERENCES users (id),
  to_user_id uuid REFERENCES users (id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, task_id, patient_id) REFERENCES tasks (organization_id, id, patient_id) ON UPDATE CASCADE
);
-- The timeline reads a patient's events newest first, keyset by (at, id).
CREATE INDEX task_events_patient ON task_events (patient_id, at DESC, id DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX task_events_task ON task_events (task_id);
