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
  [
    // The console (issue #11): organisations, their people and sessions, forms with versions, the
    // audit log. Every row of a console table belongs to one organisation; every query is scoped by it.
    `CREATE TABLE organisations (
      id text PRIMARY KEY,
      name text NOT NULL,
      privacy_url text,
      allowed_origins text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE users (
      id uuid PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('beheerder', 'redacteur', 'lezer')),
      password_hash text,
      oidc_subject text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz
    )`,
    // One account per e-mail address on the whole server: a login names no organisation.
    'CREATE UNIQUE INDEX users_email ON users (lower(email))',
    'CREATE INDEX users_organisation ON users (organisation_id)',
    // Only the SHA-256 of a session id is stored: a copy of the database logs nobody in.
    `CREATE TABLE console_sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`,
    'CREATE INDEX console_sessions_user ON console_sessions (user_id)',
    // A one-time link: no organisation and no user = the first start (makes both); an organisation
    // only = its first beheerder; a user = that user sets a password (invitation or reset).
    `CREATE TABLE setup_tokens (
      token_hash text PRIMARY KEY,
      organisation_id text REFERENCES organisations (id) ON DELETE CASCADE,
      user_id uuid REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`,
    // Failed logins per account and per client (both hashed), for the lockout; shared by every process.
    `CREATE TABLE login_failures (
      key text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX login_failures_key ON login_failures (key, at)',
    `CREATE TABLE forms (
      id text PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES organisations (id),
      type text NOT NULL CHECK (type IN ('peiling', 'meedenksessie', 'ervaring')),
      state text NOT NULL DEFAULT 'concept' CHECK (state IN ('concept', 'gepubliceerd', 'gesloten', 'gearchiveerd')),
      published_version integer,
      closed_at timestamptz,
      allowed_origins text[] NOT NULL DEFAULT '{}',
      retention_days integer CHECK (retention_days >= 1),
      imported_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX forms_organisation ON forms (organisation_id)',
    // A version is never changed once written: a process may keep it in memory for ever. json, not
    // jsonb: the definition comes back as it was written, keys in the author's order.
    `CREATE TABLE form_versions (
      form_id text NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      definition json NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      PRIMARY KEY (form_id, version)
    )`,
    `CREATE TABLE networks_lists (
      organisation_id text PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
      networks json NOT NULL,
      imported_hash text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Who did what, when. `actor` keeps the e-mail address (or "cli", "export-token") as it was,
    // so an entry still says who after the account is gone.
    `CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      organisation_id text REFERENCES organisations (id) ON DELETE CASCADE,
      user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      actor text NOT NULL,
      action text NOT NULL,
      target text,
      detail jsonb NOT NULL DEFAULT '{}'
    )`,
    'CREATE INDEX audit_log_organisation ON audit_log (organisation_id, id)',
    // Which version of its form an answer answered (NULL: stored before forms lived in the database).
    'ALTER TABLE submissions ADD COLUMN form_version integer',
  ],
  [
    // Answers are replayed byte for byte: stored as the text that was sent (jsonb reorders keys).
    'ALTER TABLE submissions ALTER COLUMN answer_body TYPE text USING answer_body::text',
    // The running tally in shards: concurrent votes of one poll update different rows instead of
    // queueing on one. A count is the sum over its shards.
    'ALTER TABLE tally ADD COLUMN shard smallint NOT NULL DEFAULT 0',
    'ALTER TABLE tally DROP CONSTRAINT tally_pkey',
    'ALTER TABLE tally ADD PRIMARY KEY (form_id, question_id, value, shard)',
    // One row per place instead of one `taken` counter per session: concurrent sign-ups take
    // different free rows (FOR UPDATE SKIP LOCKED), so they do not queue on one row, and a session
    // can never hand out more places than it has rows.
    `CREATE TABLE places (
      form_id text NOT NULL,
      session_id text NOT NULL,
      place integer NOT NULL,
      submission_id uuid,
      PRIMARY KEY (form_id, session_id, place)
    )`,
    'CREATE INDEX places_holder ON places (submission_id)',
    `INSERT INTO places (form_id, session_id, place, submission_id)
      SELECT s.form_id, s.session_id, n.place, NULL FROM sessions s CROSS JOIN LATERAL generate_series(1, s.capacity) AS n(place)
      WHERE s.capacity IS NOT NULL`,
    // Places already taken keep their holder: confirmed sign-ups first, in order; what retention
    // deleted stays taken (capacity counted is never given back), without a holder.
    `UPDATE places p SET submission_id = h.submission_id FROM (
       SELECT form_id, session_id, submission_id, row_number() OVER (PARTITION BY form_id, session_id ORDER BY seq)::int AS place
       FROM signup_sessions WHERE status = 'confirmed') h
     WHERE p.form_id = h.form_id AND p.session_id = h.session_id AND p.place = h.place`,
    `UPDATE places p SET submission_id = '00000000-0000-0000-0000-000000000000' FROM sessions s
     WHERE p.form_id = s.form_id AND p.session_id = s.session_id AND p.submission_id IS NULL AND p.place <= s.taken`,
    'ALTER TABLE sessions DROP COLUMN taken',
    // Every claim is written with its answer in the submission's own transaction: no pending state.
    'ALTER TABLE submissions DROP COLUMN state',
    // A vote's choices are counted into the tally as it comes in, and recounted from votes.answers
    // after retention: a table of them per vote was one more write for nothing.
    'DROP TABLE vote_choices',
  ],
  [
    // Rate-limit counters shared by every server process on one PostgreSQL (src/rate-limit-store.ts).
    'CREATE UNLOGGED TABLE rate_limits (key text PRIMARY KEY, window_end timestamptz NOT NULL, hits integer NOT NULL)',
  ],
  [
    // E-mail set in the console (issue #14): an organisation's own relay and sender, used instead of
    // the server's (OUDERSTEM_SMTP_URL). The password is kept apart from the address, so the
    // address can be shown and logged; no route ever sends the password back.
    `CREATE TABLE organisation_mail (
      organisation_id text PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
      smtp_url text NOT NULL,
      smtp_password text,
      mail_from text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    // A session changed or called off by its organiser: the calendar entry's SEQUENCE goes up with
    // every change, so a calendar replaces its copy; a cancelled session is no longer offered.
    'ALTER TABLE sessions ADD COLUMN sequence integer NOT NULL DEFAULT 0',
    'ALTER TABLE sessions ADD COLUMN cancelled_at timestamptz',
  ],
];
