-- Tasklist features (decision 0025): claims, priority and follow-up dates on the inbox rows,
-- server-side saved filters, task comments with their @mentions, and a per-task history read from
-- the audit log.

-- Who took a task offered to a role (claim / take-over through the task's workflow, which keeps
-- the same claimant and refuses anyone else's completion). Distinct from assignee_id: the
-- workflow assigns (a case's TKSK, reassignment moves it); a claim is a person of the task's role
-- taking it from the shared queue, and never follows a reassignment.
ALTER TABLE tasks ADD COLUMN claimed_by text REFERENCES users(id);
ALTER TABLE tasks ADD COLUMN claimed_at timestamptz;
-- Set in the inbox by the assignee, the claimant or a supervisor of the region (PATCH /api/tasks/:id).
ALTER TABLE tasks ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
-- Sorting by priority means by rank, not by the word.
ALTER TABLE tasks ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
  CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END) STORED;
ALTER TABLE tasks ADD COLUMN follow_up_at timestamptz;
CREATE INDEX tasks_claimed_status ON tasks (claimed_by, status, due_at) WHERE claimed_by IS NOT NULL;
CREATE INDEX tasks_actor_completed ON tasks (actor_id, completed_at DESC) WHERE status = 'completed';

-- A task's history is its audit rows.
CREATE INDEX audit_entity ON audit_log (entity_type, entity_id, seq);

-- Named inbox filters: the owner's, or shared with a role and/or a region (both when both are set).
CREATE TABLE saved_filters (
  id                 text PRIMARY KEY,
  owner_id           text NOT NULL REFERENCES users(id),
  name               text NOT NULL,
  -- The GET /api/tasks filter object (validated by the API with the task list's own schema).
  filter             jsonb NOT NULL,
  shared_role        text,
  shared_region_code text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX saved_filters_owner ON saved_filters (owner_id, name);
CREATE INDEX saved_filters_shared ON saved_filters (shared_role, shared_region_code text_pattern_ops) WHERE shared_role IS NOT NULL OR shared_region_code IS NOT NULL;

CREATE TABLE task_comments (
  id         text PRIMARY KEY,
  task_id    text NOT NULL REFERENCES tasks(id),
  author_id  text NOT NULL REFERENCES users(id),
  body       text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX task_comments_task ON task_comments (task_id, created_at);

-- Colleagues named in a comment. Nothing delivers these yet: a notification outbox reads the rows
-- whose notified_at is null and sets it when it has told the person.
CREATE TABLE task_mentions (
  comment_id  text NOT NULL REFERENCES task_comments(id),
  task_id     text NOT NULL REFERENCES tasks(id),
  user_id     text NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  notified_at timestamptz,
  PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX task_mentions_pending ON task_mentions (created_at) WHERE notified_at IS NULL;
CREATE INDEX task_mentions_user ON task_mentions (user_id, created_at DESC);
