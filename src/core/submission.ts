import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from './events.js';
import type { FieldError, SubmissionAnswer } from './schema-types.js';
import { Store } from './storage.js';

export type FormType = 'peiling' | 'meedenksessie' | 'ervaring';

/** The body every widget POSTs (schemas/submission.schema.json). */
export interface Submission<D extends object = Record<string, unknown>> {
  type: FormType;
  formId: string;
  submissionId: string;
  submittedAt: string;
  lang: string;
  data: D;
  meta: Record<string, unknown>;
  honeypot?: string;
  /** "Ik wil horen wat er met de uitkomst gebeurt": kept apart from the answer by the server. */
  outcomeEmail?: string;
}

export type SubmissionState =
  | { status: 'idle' }
  | { status: 'sending'; payload: Submission; attempt: number }
  | { status: 'queued'; payload: Submission; attempt: number }
  | { status: 'sent'; payload: Submission; response: SubmissionAnswer; later: boolean }
  | { status: 'rejected'; payload: Submission; httpStatus: number; errors: FieldError[] };

/** How hard one delivery run tries before the payload waits in the outbox for a better moment. */
export const retryPolicy = {
  /** Tries per run, the first included. */
  attempts: 4,
  /** The n-th retry waits between half and all of `baseDelay × 2^(n-1)` ms (first wait ≥ 0.5 s). */
  baseDelay: 1000,
  /** A `Retry-After` longer than this ends the run; the outbox sends it later. */
  maxRetryAfter: 60_000,
  /**
   * When another tab sent this tab's queued submission, how long to wait for that tab's word on
   * the server's answer (a withdrawal code, a cancel link) before saying "sent" without it.
   */
  otherTabWait: 2000,
};

/** Exponential backoff with "equal jitter", never shorter than the server's `Retry-After`. */
export function backoffDelay(retry: number, retryAfter = 0, random: () => number = Math.random): number {
  const ceiling = retryPolicy.baseDelay * 2 ** (retry - 1);
  return Math.max(ceiling / 2 + (random() * ceiling) / 2, retryAfter);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type Outcome =
  | { kind: 'sent'; response: SubmissionAnswer }
  | { kind: 'rejected'; status: number; errors: FieldError[] }
  | { kind: 'retry'; status: number; retryAfter?: number };

const transientStatuses = new Set([408, 425, 429]);

/** The CONTRACT's answer table: what one server answer means for the submission. */
export function classifyAnswer(status: number, body: unknown, retryAfter?: number): Outcome {
  const errors = errorsOf(body);
  if (status >= 200 && status < 300) return { kind: 'sent', response: isObject(body) ? body : {} };
  if (status === 409) return errors ? { kind: 'rejected', status, errors } : { kind: 'retry', status, retryAfter };
  if (transientStatuses.has(status) || status >= 500) return { kind: 'retry', status, retryAfter };
  // 400, 413, 415, 422 as the table says, and any other 4xx (a wrong endpoint, a refused
  // origin): trying again will not help.
  return { kind: 'rejected', status, errors: errors ?? [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorsOf(body: unknown): FieldError[] | undefined {
  if (!isObject(body) || !Array.isArray(body.errors)) return undefined;
  const errors = body.errors.filter(
    (error): error is FieldError => isObject(error) && typeof error.message === 'string',
  );
  return errors.length > 0 ? errors : undefined;
}

/** A random UUID v4; works on plain-http pages too, where `crypto.randomUUID` is missing. */
export function uuidV4(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function post(endpoint: string, payload: Submission): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.submissionId },
      body: JSON.stringify(payload),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'retry', status: 0 };
  }
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return classifyAnswer(response.status, body, parseRetryAfter(response.headers.get('Retry-After')));
}

// ---------------------------------------------------------------------------------------------
// The outbox: payloads that wait for a connection, in localStorage under `ouderstem:outbox`.

export interface OutboxEntry {
  endpoint: string;
  payload: Submission;
  /** Tries so far, over every run. */
  attempts: number;
  /** The server's `Retry-After` as a moment (ms since 1970): no try before it, not even on `online`. */
  notBefore?: number;
}

const outboxKey = 'outbox';
const sharedStore = new Store('local');

/**
 * How long a submission may wait on the device for a connection. Older ones are dropped, so a
 * shared computer does not keep a parent's words for ever (and a sign-up for a session long past
 * is not sent); so are entries that are not outbox entries at all.
 */
export const outboxDays = 30;

function readOutbox(store: Store): OutboxEntry[] {
  const entries = store.read<OutboxEntry[]>(outboxKey);
  if (!Array.isArray(entries)) return [];
  const oldest = Date.now() - outboxDays * 86_400_000;
  const kept = entries.filter((entry) => Date.parse(entry?.payload?.submittedAt) >= oldest);
  if (kept.length < entries.length) writeOutbox(store, kept);
  return kept;
}

function writeOutbox(store: Store, entries: OutboxEntry[]): void {
  if (entries.length === 0) store.remove(outboxKey);
  else store.write(outboxKey, entries);
}

/**
 * Entries of widgets with `storage="none"`: kept in memory only, so they are still sent on
 * `online` or `pageshow` while the page stays open, and gone when it closes.
 */
const unsaved = new Map<string, OutboxEntry>();

function isWaiting(store: Store, submissionId: string): boolean {
  return store.available
    ? readOutbox(store).some((e) => e.payload.submissionId === submissionId)
    : unsaved.has(submissionId);
}

function saveEntry(store: Store, entry: OutboxEntry): void {
  if (!store.available) {
    unsaved.set(entry.payload.submissionId, entry);
    return;
  }
  const others = readOutbox(store).filter((e) => e.payload.submissionId !== entry.payload.submissionId);
  writeOutbox(store, [...others, entry]);
}

function removeEntry(store: Store, submissionId: string): void {
  unsaved.delete(submissionId);
  if (store.available) writeOutbox(
    store,
    readOutbox(store).filter((e) => e.payload.submissionId !== submissionId),
  );
}

/** Submissions this tab is delivering now (the fallback where Web Locks are missing). */
const inFlight = new Set<string>();

/**
 * Runs `task` only if no tab of this origin is delivering the same submission; Web Locks make
 * "exactly once, even with two tabs" hold in the browser, the Idempotency-Key on the server.
 */
async function exclusively<T>(submissionId: string, task: () => Promise<T>): Promise<T | undefined> {
  if (inFlight.has(submissionId)) return undefined;
  inFlight.add(submissionId);
  try {
    if (!navigator.locks) return await task();
    return await navigator.locks.request(`ouderstem:send:${submissionId}`, { ifAvailable: true }, (lock) =>
      lock ? task() : undefined,
    );
  } finally {
    inFlight.delete(submissionId);
  }
}

export type DeliveryResult = Exclude<Outcome, { kind: 'retry' }> | { kind: 'queued'; attempts: number };

/** What happened to a delivery, for every controller on the page that waits for it. */
const deliveries = new EventTarget();
type DeliveryEvent = CustomEvent<{ entry: OutboxEntry; result: DeliveryResult }>;

/**
 * Final answers to deliveries no widget on this page has shown yet: a flush on load can finish
 * before the widget of that form has its definition, and the parent must still see "verstuurd".
 */
const unclaimed = new Map<string, { entry: OutboxEntry; result: Exclude<DeliveryResult, { kind: 'queued' }> }>();

/**
 * Final answers, told to the other tabs of this origin: a parent whose queued submission another
 * tab delivered still sees what the server answered, such as a withdrawal code. Nothing is
 * stored for it; only tabs open at that moment hear it.
 */
const otherTabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('ouderstem:deliveries') : undefined;
if (otherTabs) {
  otherTabs.onmessage = ({ data }: MessageEvent<unknown>) => {
    // Anything else on this channel (another version of the widgets on this site) is left alone.
    if (isObject(data) && isObject(data.result) && isObject(data.entry) && isObject(data.entry.payload)) {
      deliveries.dispatchEvent(new CustomEvent('delivery', { detail: data }));
    }
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delivers one payload: tries, waits with backoff, tries again. A final answer removes it from
 * the outbox; running out of tries leaves it there for the next `online`, `pageshow` or load.
 * Returns undefined when another tab (or run) is already delivering it.
 */
function deliver(
  entry: OutboxEntry,
  store: Store,
  onAttempt: (attempt: number) => void = () => {},
): Promise<DeliveryResult | undefined> {
  const id = entry.payload.submissionId;
  return exclusively(id, async () => {
    if (entry.attempts > 0 && !isWaiting(store, id)) return undefined; // Another tab or run delivered it.
    saveEntry(store, entry); // Kept from the first try on: a closed tab loses nothing.
    let result: DeliveryResult | undefined;
    for (let run = 1; !result; run++) {
      entry.attempts++;
      onAttempt(entry.attempts);
      const outcome = await post(entry.endpoint, entry.payload);
      if (outcome.kind !== 'retry') {
        result = outcome;
        removeEntry(store, id);
      } else if (
        run >= retryPolicy.attempts ||
        !navigator.onLine ||
        (outcome.retryAfter ?? 0) > retryPolicy.maxRetryAfter
      ) {
        result = { kind: 'queued', attempts: entry.attempts };
        if (outcome.retryAfter) entry.notBefore = Date.now() + outcome.retryAfter;
        saveEntry(store, entry);
      } else {
        saveEntry(store, entry);
        await sleep(backoffDelay(run, outcome.retryAfter));
      }
    }
    if (result.kind !== 'queued') {
      unclaimed.set(id, { entry, result });
      // Only a shared outbox is seen by other tabs; with storage="none" nothing leaves this tab.
      if (store.available) otherTabs?.postMessage({ entry, result });
    }
    deliveries.dispatchEvent(new CustomEvent('delivery', { detail: { entry, result } }) as DeliveryEvent);
    return result;
  });
}

/** The flush planned for the earliest `notBefore` still ahead. */
let laterFlush: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends everything in the outbox whose `Retry-After` has passed; each entry at most once at a
 * time across all tabs. An entry still waiting gets a flush of its own at its moment.
 */
export async function flushOutbox(): Promise<void> {
  const memory = new Store('local', false);
  const now = Date.now();
  const entries: [OutboxEntry, Store][] = [
    ...readOutbox(sharedStore).map((entry): [OutboxEntry, Store] => [entry, sharedStore]),
    ...[...unsaved.values()].map((entry): [OutboxEntry, Store] => [entry, memory]),
  ];
  const due = entries.filter(([entry]) => (entry.notBefore ?? 0) <= now);
  const next = Math.min(...entries.map(([entry]) => entry.notBefore ?? Infinity).filter((moment) => moment > now));
  clearTimeout(laterFlush);
  // (A delay past 2^31 ms would fire at once; a Retry-After of weeks waits for the next load.)
  if (next - now < 2 ** 31) laterFlush = setTimeout(() => void flushOutbox(), next - now);
  await Promise.all(due.map(([entry, store]) => deliver(entry, store)));
}

let listening = false;
function listenForConnection(): void {
  if (listening) return;
  listening = true;
  const flush = () => void flushOutbox();
  addEventListener('online', flush);
  addEventListener('pageshow', flush);
  flush(); // On load.
}

/** What the submission controller needs from its widget. */
export interface SubmissionHost extends ReactiveControllerHost, HTMLElement {
  /** Where to POST. */
  readonly submitUrl?: string;
  /** False with `storage="none"`: no outbox. */
  readonly storageEnabled: boolean;
  /** The language of the submission. */
  readonly language: string;
}

/**
 * Sends a widget's submission as the CONTRACT's answer table says, fires the `ouder-*` events
 * and keeps the state the widget renders: idle, sending, queued, sent or rejected.
 */
export class SubmissionController implements ReactiveController {
  state: SubmissionState = { status: 'idle' };

  /**
   * @param onChange called on every change of state, before the widget renders it: the place for
   *   side effects such as remembering a vote, clearing a draft or moving focus.
   */
  constructor(
    private readonly host: SubmissionHost,
    private readonly onChange: (state: SubmissionState) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    deliveries.addEventListener('delivery', this.onDelivery);
    addEventListener('storage', this.onStorage);
    listenForConnection();
  }

  hostDisconnected(): void {
    deliveries.removeEventListener('delivery', this.onDelivery);
    removeEventListener('storage', this.onStorage);
    clearTimeout(this.otherTabTimer);
  }

  get busy(): boolean {
    return this.state.status === 'sending';
  }

  /**
   * Picks up a submission for this form that an earlier visit left in the outbox, so the
   * parent sees it is still on its way.
   */
  resume(formId: string): void {
    if (this.state.status !== 'idle') return;
    const ours = (entry: OutboxEntry) => entry.payload.formId === formId && entry.endpoint === this.host.submitUrl;
    const waiting = readOutbox(this.store).find(ours);
    if (waiting) {
      this.setState({ status: 'queued', payload: waiting.payload, attempt: waiting.attempts });
      return;
    }
    const finished = [...unclaimed.values()].find(({ entry }) => ours(entry));
    if (finished) this.finish(finished.entry.payload, finished.result, true);
  }

  /** Builds the envelope, lets the host page veto it, and delivers it. A second call while sending is ignored. */
  async submit(type: FormType, formId: string, data: object, honeypot = '', outcomeEmail?: string): Promise<void> {
    if (this.busy) return;
    const payload: Submission = {
      type,
      formId,
      submissionId: uuidV4(),
      submittedAt: new Date().toISOString(),
      lang: this.host.language,
      data: data as Record<string, unknown>,
      meta: {},
      ...(honeypot ? { honeypot } : {}),
      ...(outcomeEmail ? { outcomeEmail } : {}),
    };
    if (!emit(this.host, 'ouder-submit', { payload }, true)) return;
    const endpoint = this.host.submitUrl;
    if (!endpoint) {
      console.error('ouderstem: no endpoint to send to; set the endpoint attribute.');
      this.finish(payload, { kind: 'rejected', status: 0, errors: [] });
      return;
    }
    this.setState({ status: 'sending', payload, attempt: 1 });
    const result = await deliver({ endpoint, payload, attempts: 0 }, this.store, (attempt) =>
      this.setState({ status: 'sending', payload, attempt }),
    );
    if (result) this.finish(payload, result);
  }

  /** Back to a fresh form after a final answer. */
  reset(): void {
    this.setState({ status: 'idle' });
  }

  private get store(): Store {
    return this.host.storageEnabled ? sharedStore : new Store('local', false);
  }

  private finish(payload: Submission, result: DeliveryResult, later = false): void {
    unclaimed.delete(payload.submissionId);
    switch (result.kind) {
      case 'sent':
        this.setState({ status: 'sent', payload, response: result.response, later });
        emit(this.host, 'ouder-submitted', { payload, response: result.response });
        break;
      case 'rejected':
        this.setState({ status: 'rejected', payload, httpStatus: result.status, errors: result.errors });
        emit(this.host, 'ouder-error', { payload, status: result.status, errors: result.errors });
        break;
      case 'queued':
        this.setState({ status: 'queued', payload, attempt: result.attempts });
        emit(this.host, 'ouder-queued', { payload, attempt: result.attempts });
        break;
    }
  }

  private setState(state: SubmissionState): void {
    this.state = state;
    this.host.requestUpdate(); // first, so `updateComplete` in onChange waits for this render
    this.onChange(state);
  }

  /** A delivery started elsewhere on this page (a flush) may finish this widget's submission. */
  private onDelivery = (event: Event): void => {
    const { entry, result } = (event as DeliveryEvent).detail;
    if (this.state.status !== 'queued' || this.state.payload.submissionId !== entry.payload.submissionId) return;
    if (result.kind === 'queued') this.state.attempt = result.attempts;
    else this.finish(entry.payload, result, true);
  };

  private otherTabTimer?: ReturnType<typeof setTimeout>;

  /**
   * Another tab delivered this widget's queued submission: it left the shared outbox. That tab's
   * answer normally follows on the broadcast channel (onDelivery); if it does not come, the
   * parent still learns it was sent, without the server's details.
   */
  private onStorage = (event: StorageEvent): void => {
    if (this.state.status !== 'queued' || event.key !== `ouderstem:${outboxKey}`) return;
    const { payload } = this.state;
    if (readOutbox(this.store).some((entry) => entry.payload.submissionId === payload.submissionId)) return;
    clearTimeout(this.otherTabTimer);
    this.otherTabTimer = setTimeout(() => {
      if (this.state.status === 'queued' && this.state.payload === payload) {
        this.finish(payload, { kind: 'sent', response: {} }, true);
      }
    }, otherTabs ? retryPolicy.otherTabWait : 0);
  };
}
