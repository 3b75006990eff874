/**
 * The console's one way to the server: its JSON API under /beheer/api (server/README.md,
 * "Console API"). Same origin, the session cookie goes along by itself; every answer that is not
 * 2xx becomes an ApiError with the server's Dutch messages.
 */
import type { Editable, EditableType, FormType, NetworksDefinition } from './model/forms.js';

export type Role = 'beheerder' | 'redacteur' | 'lezer';
export type FormState = 'concept' | 'gepubliceerd' | 'gesloten' | 'gearchiveerd';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  lastLoginAt?: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  privacyUrl?: string | null;
  allowedOrigins: string[];
}

export interface Me {
  user: User;
  organisation: Organisation;
  /** Whether the organisation sends e-mail, through whose settings, and how many messages did not arrive. */
  mail?: { configured: boolean; source?: MailSource | null; problems?: number };
}

/** Whose relay sends an organisation's e-mail: its own (set here), or the server's (`OUDERSTEM_SMTP_URL`). */
export type MailSource = 'organisation' | 'server';

/** `GET /mail`: never a password, only whether one is stored. */
export interface MailStatus {
  source: MailSource | null;
  own: { smtpUrl: string; passwordSet: boolean; from: string; updatedAt: string } | null;
  server: { smtpUrl: string; from: string } | null;
}

/** A message that did not arrive (failed for good, or waiting for another try). */
export interface MailProblem {
  id: string;
  kind: string;
  formId: string;
  sessionId: string | null;
  state: 'pending' | 'failed';
  attempts: number;
  lastError: string;
  createdAt: string;
  nextAttemptAt: string | null;
  /** Partly hidden (`f•••@example.nl`); null for a message whose address is gone. */
  recipient: string | null;
  retryable: boolean;
}

/** What publishing a sign-up form did to its sessions: who is told of a new time or place, who moved up. */
export interface PublishChanges {
  changed: { id: string; notified: number }[];
  promoted: number;
  mail: boolean;
}

export interface FormSummary {
  id: string;
  type: FormType;
  title: string | Record<string, string>;
  state: FormState;
  version: number;
  publishedVersion: number | null;
  updatedAt: string;
  responses: number;
}

export interface FormDetail {
  id: string;
  type: FormType;
  state: FormState;
  version: number;
  publishedVersion: number | null;
  allowedOrigins: string[];
  retentionDays?: number | null;
  definition: Editable;
  /** A sign-up form's sessions as the server counts them: called off or not, and who is signed up. */
  sessions?: SessionState[];
  versions: { version: number; createdAt: string; createdBy?: { id: string; email: string; name?: string } | string | null }[];
  responses: number;
}

export interface SessionState {
  id: string;
  cancelledAt: string | null;
  confirmed: number;
  waitlisted: number;
}

export interface Share {
  hostedUrl: string;
  scriptUrl: string;
  endpoint: string;
  /** In Dutch; `snippetsByLang` has them per language of the form. */
  snippets: { element: string; compat: string };
  snippetsByLang?: Record<string, { element: string; compat: string }>;
  fallback: Record<string, string>;
  shareText: Record<string, string>;
}

export interface OriginCheck {
  origin: string;
  allowed: boolean;
  via: 'organisation' | 'form' | 'server' | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  user: { id: string; email: string } | null;
  /** Who did it: the user's e-mail address, or the part of the server (`cli`, `import`, `export-token`, `login`). */
  actor?: string;
  action: string;
  target?: string | null;
  detail?: unknown;
}

export interface Gemeente {
  code: string;
  name: string;
}

export interface ServerError {
  field?: string;
  code?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ServerError[],
    /** Seconds from `Retry-After`, when the server sent one. */
    readonly retryAfter?: number,
  ) {
    super(errors.map((error) => error.message).join(' ') || `HTTP ${status}`);
  }

  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/** Fired on `window` when the server says the session is gone (401): the app shows the login. */
export const SESSION_ENDED = 'beheer-session-ended';

const NETWORK_PROBLEM = 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/beheer/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, [{ code: 'network', message: NETWORK_PROBLEM }]);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as T;
  const errors = (parsed as { errors?: ServerError[] } | undefined)?.errors;
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  const error = new ApiError(
    response.status,
    Array.isArray(errors) && errors.length > 0 ? errors : [{ code: `http-${response.status}`, message: fallbackMessage(response.status) }],
    retryAfter,
  );
  if (response.status === 401 && error.code !== 'invalid-login') window.dispatchEvent(new CustomEvent(SESSION_ENDED));
  // Not being logged in is no fault (the login shows); anything else is named for whoever looks.
  else console.warn(`beheer: ${method} /beheer/api${path} → ${response.status}`, errors ?? text.slice(0, 200));
  throw error;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Je bent niet (meer) ingelogd. Log opnieuw in.';
  if (status === 403) return 'Dit mag je met jouw rol niet doen. Vraag een beheerder om hulp.';
  if (status === 404) return 'Dit bestaat niet (meer).';
  if (status === 429) return 'Te veel pogingen. Wacht even en probeer het dan opnieuw.';
  if (status >= 500) return 'Er ging iets mis op de server. Probeer het zo opnieuw; blijft het misgaan, meld het dan aan de beheerder van de server.';
  return 'Dat lukte niet. Probeer het opnieuw.';
}

const enc = encodeURIComponent;

/** The routes of the console API, typed. */
export const api = {
  auth: () => request<{ setupNeeded: boolean; oidc: boolean }>('GET', '/auth'),
  /** Whom a set-up link is for: an invited user (or a password reset), else an organisation's first beheerder. */
  setupInfo: (token: string) =>
    request<{ organisation: { name: string } | null; user?: { email: string; name: string } | null }>('GET', `/setup/${enc(token)}`),
  setup: (token: string, body: { organisationName?: string; name: string; email?: string; password: string }) =>
    request<{ user: User }>('POST', `/setup/${enc(token)}`, body),
  login: (email: string, password: string) => request<{ user: User }>('POST', '/login', { email, password }),
  logout: () => request<void>('POST', '/logout'),
  me: () => request<Me>('GET', '/me'),

  users: () => request<{ users: User[] }>('GET', '/users'),
  addUser: (body: { email: string; name: string; role: Role }) => request<{ user: User; setupUrl: string }>('POST', '/users', body),
  changeUser: (id: string, body: { name?: string; role?: Role }) => request<{ user: User }>('PATCH', `/users/${enc(id)}`, body),
  removeUser: (id: string) => request<void>('DELETE', `/users/${enc(id)}`),
  /** A new one-time link for an existing account (a forgotten password). */
  newSetupLink: (id: string) => request<{ setupUrl: string }>('POST', `/users/${enc(id)}/setup-link`),

  organisation: () => request<{ organisation: Organisation }>('GET', '/organisation'),
  changeOrganisation: (body: Partial<Pick<Organisation, 'name' | 'privacyUrl' | 'allowedOrigins'>>) =>
    request<{ organisation: Organisation }>('PATCH', '/organisation', body),
  audit: (before?: string | number) =>
    request<{ entries: AuditEntry[] }>('GET', `/audit?limit=50${before === undefined ? '' : `&before=${enc(String(before))}`}`),

  forms: () => request<{ forms: FormSummary[] }>('GET', '/forms'),
  createForm: (type: FormType, definition: Editable, retentionDays?: number | null) =>
    request<{ form: FormDetail }>('POST', '/forms', { type, definition, ...(retentionDays === undefined ? {} : { retentionDays }) }),
  form: (id: string) => request<{ form: FormDetail }>('GET', `/forms/${enc(id)}`),
  saveForm: (id: string, body: { baseVersion: number; definition: Editable; allowedOrigins?: string[]; retentionDays?: number | null }) =>
    request<{ form: FormDetail }>('PUT', `/forms/${enc(id)}`, body),
  publish: (id: string, version: number) => request<{ form: FormDetail; changes?: PublishChanges }>('POST', `/forms/${enc(id)}/publish`, { version }),
  /** Calls a session off; the parents signed up for it are written to (when the organisation sends e-mail). */
  cancelSession: (id: string, sessionId: string, message?: string) =>
    request<{ form: FormDetail; cancelled: { confirmed: number; waitlisted: number; notified: number; mail: boolean } }>(
      'POST',
      `/forms/${enc(id)}/sessions/${enc(sessionId)}/cancel`,
      message ? { message } : {},
    ),
  setState: (id: string, state: Exclude<FormState, 'concept'>) => request<{ form: FormDetail }>('POST', `/forms/${enc(id)}/state`, { state }),
  results: (id: string) => request<Results>('GET', `/forms/${enc(id)}/results`),
  makeCodes: (id: string, count: number) => request<{ codes: string[] }>('POST', `/forms/${enc(id)}/codes`, { count }),
  share: (id: string) => request<Share>('GET', `/forms/${enc(id)}/share`),
  checkOrigin: (url: string, formId?: string) => request<OriginCheck>('POST', '/origin-check', { url, formId }),

  /** The organisation's networks list, and what the server noticed in it without refusing it. */
  networks: () => request<{ networks: NetworksDefinition; problems?: ServerError[] }>('GET', '/networks'),
  saveNetworks: (networks: NetworksDefinition) => request<{ networks: NetworksDefinition; problems?: ServerError[] }>('PUT', '/networks', { networks }),
  gemeenten: () => request<{ gemeenten: Gemeente[] }>('GET', '/gemeenten'),

  mail: () => request<{ mail: MailStatus }>('GET', '/mail'),
  /** `password` left out keeps the stored one (for the same relay); null: the relay takes none. */
  saveMail: (body: { smtpUrl: string; password?: string | null; from: string }) => request<{ mail: MailStatus }>('PUT', '/mail', body),
  removeMail: () => request<{ mail: MailStatus }>('DELETE', '/mail'),
  testMail: () => request<{ to: string; source: MailSource }>('POST', '/mail/test', {}),
  mailProblems: () => request<{ problems: MailProblem[] }>('GET', '/mail/problems'),
  retryMail: (id: string) => request<{ retried: boolean }>('POST', `/mail/problems/${enc(id)}/retry`, {}),
};

/** Links the browser opens itself (downloads, the printable sheet, images). */
export const links = {
  codesCsv: (id: string) => `/beheer/api/forms/${enc(id)}/codes.csv`,
  codesPrint: (id: string) => `/beheer/forms/${enc(id)}/codes/print`,
  qrSvg: (id: string) => `/beheer/api/forms/${enc(id)}/qr.svg`,
  qrPng: (id: string) => `/beheer/api/forms/${enc(id)}/qr.png`,
  oidcLogin: '/beheer/login/oidc',
};

/** What `GET /forms/:id/results` answers, per type (#13 extends it). */
export interface Results {
  total?: number;
  tally?: { total: number; questions: Record<string, { counts: Record<string, number>; total: number }> };
  sessions?: { id: string; capacity?: number | null; confirmed: number; waitlisted: number; cancelled?: number; remaining: number | null }[];
}

export type { EditableType };
