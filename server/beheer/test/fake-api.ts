/**
 * An in-memory stand-in for the console API (server/README.md, "Console API") for the console's
 * component tests: it replaces `fetch`, keeps forms with versions and states, users, the
 * organisation, the audit log, and records every request. Answers can be overridden per route
 * to test the console's handling of 4xx (`failNext`). The real server is tested by its own
 * suite and by the console's end-to-end test.
 */
import type { MailProblem, MailStatus, SessionState } from '../src/api.js';
import type { Editable } from '../src/model/forms.js';

export interface Recorded {
  method: string;
  path: string;
  body?: unknown;
}

interface StoredForm {
  id: string;
  type: string;
  state: string;
  versions: { version: number; definition: unknown; createdAt: string }[];
  publishedVersion: number | null;
  allowedOrigins: string[];
  responses: number;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export const GEMEENTEN = [
  { code: 'GM0518', name: "'s-Gravenhage" },
  { code: 'GM0603', name: 'Rijswijk' },
  { code: 'GM0503', name: 'Delft' },
  { code: 'GM0637', name: 'Zoetermeer' },
  { code: 'GM0363', name: 'Amsterdam' },
];

export class FakeApi {
  readonly requests: Recorded[] = [];
  loggedIn = true;
  role: 'beheerder' | 'redacteur' | 'lezer' = 'beheerder';
  oidc = false;
  setupNeeded = false;
  organisation = { id: 'org1', name: 'Gemeente Voorbeeldstad', privacyUrl: 'https://www.voorbeeldstad.nl/privacy', allowedOrigins: ['https://www.voorbeeldstad.nl'] };
  users = [
    { id: 'u1', email: 'anna@voorbeeldstad.nl', name: 'Anna de Vries', role: 'beheerder', lastLoginAt: '2026-11-30T09:12:00Z' },
    { id: 'u2', email: 'bram@voorbeeldstad.nl', name: 'Bram Jansen', role: 'redacteur', lastLoginAt: null },
  ];
  forms = new Map<string, StoredForm>();
  networks: unknown = { type: 'netwerkkaart', types: [{ value: 'oudersraad', label: 'Oudersraad' }], networks: [] };
  audit = Array.from({ length: 60 }, (_, i) => ({
    id: 60 - i,
    at: new Date(Date.UTC(2026, 10, 30, 12, 0) - i * 3600_000).toISOString(),
    user: { id: 'u1', email: 'anna@voorbeeldstad.nl' },
    action: i % 2 ? 'login' : 'form.update',
    target: i % 2 ? null : 'vervoer-2027',
    detail: i % 2 ? null : { version: 2 },
  }));
  results: unknown = { total: 0, tally: { total: 0, questions: {} } };
  /** `GET /mail` as the server answers it; the password is kept apart, as the server does, and never answered. */
  mail: MailStatus = { source: null, own: null, server: null };
  mailPassword: string | null = null;
  /** What `POST /mail/test` answers when it is not 200 (the relay refused). */
  mailTestError?: string;
  mailProblems: MailProblem[] = [];
  /** Per form: its sessions as the server counts them (`FormDetail.sessions`). */
  sessionStates = new Map<string, SessionState[]>();
  private failures = new Map<string, Reply[]>();
  private readonly original = globalThis.fetch;

  constructor() {
    globalThis.fetch = (input, init) => this.handle(input, init);
  }

  restore(): void {
    globalThis.fetch = this.original;
  }

  /** The next request to `METHOD /path` (path under /beheer/api, without query) gets this answer. */
  failNext(method: string, path: string, reply: Reply): this {
    const key = `${method} ${path}`;
    this.failures.set(key, [...(this.failures.get(key) ?? []), reply]);
    return this;
  }

  addForm(definition: Editable, extra: Partial<StoredForm> = {}): StoredForm {
    const { id, type } = definition as { id: string; type: string };
    const form: StoredForm = {
      id,
      type,
      state: 'concept',
      versions: [{ version: 1, definition, createdAt: '2026-11-30T10:00:00Z' }],
      publishedVersion: null,
      allowedOrigins: [],
      responses: 0,
      ...extra,
    };
    this.forms.set(form.id, form);
    return form;
  }

  calls(method: string, path?: string): Recorded[] {
    return this.requests.filter((request) => request.method === method && (path === undefined || request.path === path));
  }

  private detail(form: StoredForm) {
    const newest = form.versions[form.versions.length - 1];
    return {
      id: form.id,
      type: form.type,
      state: form.state,
      version: newest.version,
      publishedVersion: form.publishedVersion,
      allowedOrigins: form.allowedOrigins,
      definition: newest.definition,
      ...(this.sessionStates.has(form.id) ? { sessions: this.sessionStates.get(form.id) } : {}),
      versions: form.versions.map(({ version, createdAt }) => ({ version, createdAt, createdBy: { id: 'u1', email: 'anna@voorbeeldstad.nl' } })),
      responses: form.responses,
    };
  }

  private me() {
    const user = { ...this.users[0], role: this.role };
    return { user, organisation: this.organisation, mail: { configured: this.mail.source !== null, source: this.mail.source, problems: this.mailProblems.length } };
  }

  private route(method: string, path: string, body: Record<string, unknown> | undefined): Reply {
    const auth = !['/auth', '/login'].includes(path) && !path.startsWith('/setup/');
    if (auth && !this.loggedIn) return { status: 401, body: { errors: [{ code: 'not-logged-in', message: 'Log in.' }] } };
    const form = (id: string) => this.forms.get(decodeURIComponent(id));
    const notFound = { status: 404, body: { errors: [{ code: 'not-found', message: 'Dit formulier bestaat niet.' }] } };
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/auth') return { status: 200, body: { setupNeeded: this.setupNeeded, oidc: this.oidc } };
    if (method === 'POST' && path === '/login') {
      if (body?.password === 'goed-wachtwoord-123') {
        this.loggedIn = true;
        return { status: 200, body: { user: this.me().user } };
      }
      return { status: 401, body: { errors: [{ code: 'invalid-login', message: 'Onjuist.' }] } };
    }
    if ((match = /^\/setup\/([^/]+)$/.exec(path))) {
      if (match[1] === 'verlopen') return { status: 410, body: { errors: [{ code: 'setup-link-expired', message: 'Verlopen.' }] } };
      if (method === 'GET') {
        return {
          status: 200,
          body: {
            organisation: match[1] === 'eerste' ? null : { name: this.organisation.name },
            user: match[1] === 'uitnodiging' ? { email: 'bram@voorbeeldstad.nl', name: 'Bram' } : null,
          },
        };
      }
      this.loggedIn = true;
      if (typeof body?.organisationName === 'string') this.organisation.name = body.organisationName;
      return { status: 201, body: { user: this.me().user } };
    }
    if (method === 'POST' && path === '/logout') {
      this.loggedIn = false;
      return { status: 204 };
    }
    if (method === 'GET' && path === '/me') return { status: 200, body: this.me() };
    if (method === 'GET' && path === '/users') return { status: 200, body: { users: this.users } };
    if (method === 'POST' && path === '/users') {
      const user = { id: `u${this.users.length + 1}`, lastLoginAt: null, ...(body as { email: string; name: string; role: string }) };
      this.users.push(user);
      return { status: 201, body: { user, setupUrl: `http://localhost:3000/beheer/setup/abc${this.users.length}` } };
    }
    if ((match = /^\/users\/([^/]+)\/setup-link$/.exec(path))) return { status: 200, body: { setupUrl: `http://localhost:3000/beheer/setup/nieuw-${match[1]}` } };
    if ((match = /^\/users\/([^/]+)$/.exec(path))) {
      const index = this.users.findIndex((user) => user.id === match![1]);
      if (method === 'DELETE') this.users.splice(index, 1);
      else Object.assign(this.users[index], body);
      return method === 'DELETE' ? { status: 204 } : { status: 200, body: { user: this.users[index] } };
    }
    if (path === '/organisation') {
      if (method === 'PATCH') Object.assign(this.organisation, body);
      return { status: 200, body: { organisation: this.organisation } };
    }
    if (method === 'GET' && path === '/audit') return { status: 200, body: { entries: this.audit } };
    if (method === 'GET' && path === '/forms') {
      return {
        status: 200,
        body: {
          forms: [...this.forms.values()].map((stored) => {
            const detail = this.detail(stored);
            return { ...detail, title: (detail.definition as { title: unknown }).title, updatedAt: '2026-11-30T10:00:00Z' };
          }),
        },
      };
    }
    if (method === 'POST' && path === '/forms') {
      const definition = body!.definition as Editable & { id: string };
      if (this.forms.has(definition.id)) return { status: 409, body: { errors: [{ field: '/id', code: 'id-taken', message: 'Bezet.' }] } };
      return { status: 201, body: { form: this.detail(this.addForm(definition)) } };
    }
    if ((match = /^\/forms\/([^/]+)$/.exec(path))) {
      const stored = form(match[1]);
      if (!stored) return notFound;
      if (method === 'GET') return { status: 200, body: { form: this.detail(stored) } };
      const newest = stored.versions[stored.versions.length - 1];
      if (body!.baseVersion !== newest.version) return { status: 409, body: { errors: [{ code: 'version-conflict', message: 'Intussen gewijzigd.' }] } };
      stored.versions.push({ version: newest.version + 1, definition: body!.definition, createdAt: new Date().toISOString() });
      if (Array.isArray(body!.allowedOrigins)) stored.allowedOrigins = body!.allowedOrigins as string[];
      return { status: 200, body: { form: this.detail(stored) } };
    }
    if ((match = /^\/forms\/([^/]+)\/(publish|state|results|codes|share)$/.exec(path))) {
      const stored = form(match[1]);
      if (!stored) return notFound;
      switch (match[2]) {
        case 'publish':
          stored.publishedVersion = body!.version as number;
          stored.state = 'gepubliceerd';
          return { status: 200, body: { form: this.detail(stored) } };
        case 'state':
          stored.state = body!.state as string;
          return { status: 200, body: { form: this.detail(stored) } };
        case 'results':
          return { status: 200, body: this.results };
        case 'codes':
          return { status: 200, body: { codes: Array.from({ length: body!.count as number }, (_, i) => `CODE${i}`) } };
        case 'share':
          return {
            status: 200,
            body: {
              hostedUrl: `http://localhost:3000/f/${stored.id}`,
              scriptUrl: 'http://localhost:3000/ouderstem.js',
              endpoint: `http://localhost:3000/api/forms/${stored.id}`,
              ...this.snippets(stored.id),
              shareText: { nl: `Doe mee: http://localhost:3000/f/${stored.id}`, en: `Take part: http://localhost:3000/f/${stored.id}` },
            },
          };
      }
    }
    if (method === 'POST' && path === '/origin-check') {
      const origin = new URL(body!.url as string).origin;
      const stored = typeof body!.formId === 'string' ? this.forms.get(body!.formId) : undefined;
      const via = this.organisation.allowedOrigins.includes(origin) ? 'organisation' : stored?.allowedOrigins.includes(origin) ? 'form' : null;
      return { status: 200, body: { origin, allowed: via !== null, via } };
    }
    if (path === '/networks') {
      if (method === 'PUT') this.networks = body!.networks;
      return { status: 200, body: { networks: this.networks, problems: [] } };
    }
    if (path === '/mail') {
      if (method === 'PUT') {
        const { smtpUrl, password, from } = body as { smtpUrl: string; password?: string | null; from: string };
        if (password !== undefined) this.mailPassword = password;
        this.mail = { ...this.mail, source: 'organisation', own: { smtpUrl, from, passwordSet: this.mailPassword !== null, updatedAt: '2026-12-02T01:00:00Z' } };
      }
      if (method === 'DELETE') {
        this.mailPassword = null;
        this.mail = { ...this.mail, own: null, source: this.mail.server ? 'server' : null };
      }
      return { status: 200, body: { mail: this.mail } };
    }
    if (method === 'POST' && path === '/mail/test') {
      if (this.mailTestError) return { status: 502, body: { errors: [{ code: 'mail-failed', message: this.mailTestError }] } };
      return { status: 200, body: { to: this.users[0].email, source: this.mail.source } };
    }
    if (method === 'GET' && path === '/mail/problems') return { status: 200, body: { problems: this.mailProblems } };
    if ((match = /^\/mail\/problems\/([^/]+)\/retry$/.exec(path))) {
      const index = this.mailProblems.findIndex((problem) => problem.id === match![1]);
      if (index < 0) return { status: 404, body: { errors: [{ code: 'not-found', message: 'Dit bericht staat er niet meer.' }] } };
      this.mailProblems.splice(index, 1);
      return { status: 200, body: { retried: true } };
    }
    if ((match = /^\/forms\/([^/]+)\/sessions\/([^/]+)\/cancel$/.exec(path))) {
      const stored = form(match[1]);
      if (!stored) return notFound;
      const states = this.sessionStates.get(stored.id) ?? [];
      const state = states.find((entry) => entry.id === decodeURIComponent(match![2]));
      if (!state) return notFound;
      state.cancelledAt = '2026-12-02T01:00:00Z';
      const notified = this.mail.source ? state.confirmed + state.waitlisted : 0;
      return { status: 200, body: { form: this.detail(stored), cancelled: { confirmed: state.confirmed, waitlisted: state.waitlisted, notified, mail: this.mail.source !== null } } };
    }
    if (method === 'GET' && path === '/gemeenten') return { status: 200, body: { gemeenten: GEMEENTEN } };
    return { status: 404, body: { errors: [{ code: 'not-found', message: `Geen route ${method} ${path}` }] } };
  }

  private snippets(id: string) {
    const fallback = { nl: `<p>Doe mee via <a href="http://localhost:3000/f/${id}">localhost:3000/f/${id}</a>.</p>`, en: `<p>Take part at <a href="http://localhost:3000/f/${id}">localhost:3000/f/${id}</a>.</p>` };
    const script = '<script type="module" src="http://localhost:3000/ouderstem.js"></script>';
    const byLang = Object.fromEntries(
      Object.entries(fallback).map(([lang, text]) => [
        lang,
        {
          element: `${script}\n<ouder-peiling endpoint="http://localhost:3000/api/forms/${id}"${lang === 'nl' ? '' : ` lang="${lang}"`}>\n  ${text}\n</ouder-peiling>`,
          compat: `${script}\n<div data-ouderstem="peiling" data-endpoint="http://localhost:3000/api/forms/${id}" data-lang="${lang}">\n  ${text}\n</div>`,
        },
      ]),
    );
    return { snippets: byLang.nl, snippetsByLang: byLang, fallback };
  }

  private async handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    if (!url.pathname.startsWith('/beheer/api/')) return this.original(input, init);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice('/beheer/api'.length);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path, body });
    const queued = this.failures.get(`${method} ${path}`);
    const reply = queued?.shift() ?? this.route(method, path, body);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...(reply.headers ?? {}) },
    });
  }
}
