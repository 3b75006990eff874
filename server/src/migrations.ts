/**
 * Versioned schema changes, oldest first; version = position + 1. Never edit a released migration:
 * append a new one. Every statement runs on both PGlite and PostgreSQL.
 */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE submissions (
      id uuid PRIMARY KEY,
      form_id text NOT NULL,
      type text NOT NULL,
      body_hash text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
      answer_status integer,
      answer_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX submissions_form_created ON submissions (form_id, created_at)',
    `CREATE TABLE votes (
      submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      form_id text NOT NULL,
      voter_token text,
      answers jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE UNIQUE INDEX votes_one_per_token ON votes (form_id, voter_token)',
    `CREATE TABLE vote_choices (
      submission_id uuid NOT NULL REFERENCES votes (submission_id) ON DELETE CASCADE,
      form_id text NOT NULL,
      question_id text NOT NULL,
      value text NOT NULL
    )`,
    'CREATE INDEX vote_choices_form ON vote_choices (form_id, question_id)',
    `CREATE TABLE codes (
      form_id text NOT NULL,
      code text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      PRIMARY KEY (form_id, code)
    )`,
    `CREATE TABLE sessions (
      form_id text NOT NULL,
      session_id text NOT NULL,
      capacity integer,
      taken integer NOT NULL DEFAULT 0 CHECK (taken >= 0),
      PRIMARY KEY (form_id, session_id)
    )`,
    `CREATE TABLE signups (
      submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      form_id text NOT NULL,
      name text NOT NULL,
      email text NOT NULL,
      phone text,
      role text,
      gemeente text,
      needs jsonb NOT NULL DEFAULT '[]',
      remarks text,
      cancel_token text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE signup_sessions (
      seq bigserial PRIMARY KEY,
      submission_id uuid NOT NULL REFERENCES signups (submission_id) ON DELETE CASCADE,
      form_id text NOT NULL,
      session_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
      UNIQUE (submission_id, session_id)
    )`,
    'CREATE INDEX signup_sessions_queue ON signup_sessions (form_id, session_id, status, seq)',
    `CREATE TABLE stories (
      submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      form_id text NOT NULL,
      story text NOT NULL,
      themes jsonb NOT NULL,
      region text,
      level text,
      anonymous boolean NOT NULL,
      contact_name text,
      contact_email text,
      consent text NOT NULL,
      withdraw_code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
  [
    // The running tally, so a vote costs the same with ten or ten thousand votes before it.
    `CREATE TABLE tally (
      form_id text NOT NULL,
      question_id text NOT NULL,
      value text NOT NULL,
      n integer NOT NULL CHECK (n >= 0),
      PRIMARY KEY (form_id, question_id, value)
    )`,
    `INSERT INTO tally (form_id, question_id, value, n)
      SELECT form_id, question_id, value, count(*)::int FROM vote_choices GROUP BY form_id, question_id, value
      UNION ALL
      SELECT form_id, question_id, '', count(DISTINCT submission_id)::int FROM vote_choices GROUP BY form_id, question_id
      UNION ALL
      SELECT form_id, '', '', count(*)::int FROM votes GROUP BY form_id`,
  ],
  [
    // E-mail (issue #14): the language to write to a parent in, and the durable mail outbox.
    "ALTER TABLE signups ADD COLUMN lang text NOT NULL DEFAULT 'nl'",
    "ALTER TABLE stories ADD COLUMN lang text NOT NULL DEFAULT 'nl'",
    // "Ik wil horen wat er met de uitkomst gebeurt": the address alone, with no link to the answer.
    `CREATE TABLE outcome_subscribers (
      id uuid PRIMARY KEY,
      form_id text NOT NULL,
      email text NOT NULL,
      lang text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX outcome_subscribers_form ON outcome_subscribers (form_id, created_at)',
    `CREATE TABLE mail_outbox (
      id uuid PRIMARY KEY,
      message_id text NOT NULL UNIQUE,
      kind text NOT NULL,
      form_id text NOT NULL,
      submission_id uuid REFERENCES submissions (id) ON DELETE CASCADE,
      session_id text,
      subscriber_id uuid REFERENCES outcome_subscribers (id) ON DELETE SET NULL,
      lang text NOT NULL,
      base_url text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}',
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
      not_before timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      claim uuid,
      lease_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`,
    "CREATE INDEX mail_outbox_due ON mail_outbox (not_before) WHERE state IN ('pending', 'sending')",
    'CREATE INDEX mail_outbox_submission ON mail_outbox (submission_id)',
    // A withdrawn story's code, hashed, so its link can say "already withdrawn"; goes with the tombstone.
    `CREATE TABLE withdrawn_codes (
      code_hash text PRIMARY KEY,
      submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE
    )`,
  ],
];
