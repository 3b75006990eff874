import type { FieldError, Submission, SubmissionAnswer } from './schema-types.js';
import { Store } from './storage.js';

/** How hard one delivery run tries before the payload waits in the outbox for a better moment. */
export interface RetryPolicy {
  /** Tries per run, the first included. */
  attempts: number;
  /** The n-th retry waits between half and all of `baseDelay × 2^(n-1)` ms (first wait ≥ 0.5 s). */
  baseDelay: number;
  /** A `Retry-After` longer than this ends the run; the outbox sends it later. */
  maxRetryAfter: number;
  /**
   * When another tab sent this tab's queued submission, how long to wait for that tab's word on
   * the server's answer (a withdrawal code, a cancel link) before saying "sent" without it.
   */
  otherTabWait: number;
}

export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  attempts: 4,
  baseDelay: 1000,
  maxRetryAfter: 60_000,
  otherTabWait: 2000,
});

/** Exponential backoff with "equal jitter", never shorter than the server's `Retry-After`. */
export function backoffDelay(
  retry: number,
  retryAfter = 0,
  random: () => number = Math.random,
  policy: RetryPolicy = defaultRetryPolicy,
): number {
  const ceiling = policy.baseDelay * 2 ** (retry - 1);
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorsOf(body: unknown): FieldError[] | undefined {
  if (!isObject(body) || !Array.isArray(body.errors)) return undefined;
  const errors = body.errors.filter((error): error is FieldError => isObject(error) && typeof error.message === 'string');
  return errors.length > 0 ? errors : undefined;
}

/** The contract's answer table: what one server answer means for the submission. */
export function classifyAnswer(status: number, body: unknown, retryAfter?: number): Outcome {
  const errors = errorsOf(body);
  if (status >= 200 && status < 300) return { kind: 'sent', response: isObject(body) ? body : {} };
  if (status === 409) return errors ? { kind: 'rejected', status, errors } : { kind: 'retry', status, retryAfter };
  if (transientStatuses.has(status) || status >= 500) return { kind: 'retry', status, retryAfter };
  // 400, 413, 415, 422 as the table says, and any other 4xx (a wrong endpoint, a refused
  // origin): trying again will not help.
  return { kind: 'rejected', status, errors: errors ?? [] };
}

/** One POST of a submission, as the contract says; a network error is an answer too (retry). */
export async function post(endpoint: string, payload: Submission): Promise<Outcome> {
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

export interface OutboxEntry {
  endpoint: string;
  payload: Submission;
  /** Tries so far, over every run. */
  attempts: number;
  /** The server's `Retry-After` as a moment (ms since 1970): no try before it, not even on `online`. */
  notBefore?: number;
}

export type DeliveryResult = Exclude<Outcome, { kind: 'retry' }> | { kind: 'queued'; attempts: number };
export type FinalResult = Exclude<DeliveryResult, { kind: 'queued' }>;

/** What happened to a delivery; the outbox dispatches it as a `delivery` event. */
export interface Delivery {
  entry: OutboxEntry;
  result: DeliveryResult;
}

/** Time, as the outbox sees it: the real one, or a test's. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Where final answers are told to the other tabs of this origin (a BroadcastChannel). */
export type Channel = Pick<BroadcastChannel, 'postMessage' | 'onmessage'>;

/** Where the outbox keeps its entries: a `Store` (localStorage), or a test's. */
export type OutboxStore = Pick<Store, 'available' | 'read' | 'write' | 'remove'>;

export interface OutboxOptions {
  /** The shared store (localStorage); entries of `storage="none"` widgets stay in memory. */
  store: OutboxStore;
  clock?: Clock;
  channel?: Channel;
  policy?: RetryPolicy;
  /** One try; `post` by default. */
  send?: (endpoint: string, payload: Submission) => Promise<Outcome>;
}

/**
 * How long a submission may wait on the device for a connection. Older ones are dropped, so a
 * shared computer does not keep a parent's words for ever (and a sign-up for a session long past
 * is not sent); so are entries that are not outbox entries at all.
 */
export const outboxDays = 30;

/** The Web Storage key, under the `ouderstem:` prefix. */
export const outboxKey = 'outbox';

/**
 * Submissions that wait for a connection, in localStorage under `ouderstem:outbox` (in memory for
 * widgets with `storage="none"`). Each is delivered at most once at a time across all tabs (Web
 * Locks; the server's idempotency is the backstop), retried with backoff, and sent again on
 * `online`, on `pageshow` and on the next load. Every final answer is dispatched as a `delivery`
 * event and told to the other tabs over the channel. One outbox serves a whole page:
 * `pageOutbox()`.
 */
export class Outbox extends EventTarget {
  readonly policy: Readonly<RetryPolicy>;
  /** Whether other tabs hear of final answers. */
  readonly tellsOtherTabs: boolean;

  private readonly store: OutboxStore;
  private readonly clock: Clock;
  private readonly channel?: Channel;
  private readonly send: (endpoint: string, payload: Submission) => Promise<Outcome>;
  /** Entries of widgets with `storage="none"`: sent on `online` while the page is open, gone when it closes. */
  private readonly unsaved = new Map<string, OutboxEntry>();
  /** Submissions this tab is delivering now (the fallback where Web Locks are missing). */
  private readonly inFlight = new Set<string>();
  /**
   * Final answers to deliveries no widget on this page has shown yet: a flush on load can finish
   * before the widget of that form has its definition, and the parent must still see "verstuurd".
   */
  private readonly unclaimed = new Map<string, { entry: OutboxEntry; result: FinalResult }>();
  /** The flush planned for the earliest `notBefore` still ahead. */
  private laterFlush?: unknown;
  private listening = false;
  private closed = false;
  private readonly flushNow = () => void this.flush();

  constructor({ store, clock = realClock, channel, policy = defaultRetryPolicy, send = post }: OutboxOptions) {
    super();
    this.store = store;
    this.clock = clock;
    this.channel = channel;
    this.policy = policy;
    this.send = send;
    this.tellsOtherTabs = !!channel;
    if (channel) {
      channel.onmessage = ({ data }: MessageEvent<unknown>) => {
        // Anything else on this channel (another version of the widgets on this site) is left alone.
        if (isObject(data) && isObject(data.result) && isObject(data.entry) && isObject(data.entry.payload)) {
          this.dispatchEvent(new CustomEvent<Delivery>('delivery', { detail: data as unknown as Delivery }));
        }
      };
    }
  }

  /** Sends what is due now and on `online` and `pageshow` from now on (once per outbox). */
  listen(): void {
    if (this.listening || this.closed) return;
    this.listening = true;
    addEventListener('online', this.flushNow);
    addEventListener('pageshow', this.flushNow);
    this.flushNow(); // On load.
  }

  /** Stops listening and telling other tabs (an outbox a test or story replaced); what it stores stays. */
  close(): void {
    this.closed = true;
    removeEventListener('online', this.flushNow);
    removeEventListener('pageshow', this.flushNow);
    this.clock.clearTimeout(this.laterFlush);
    if (this.channel) this.channel.onmessage = null;
  }

  /** The stored entries still young enough to send. */
  entries(): OutboxEntry[] {
    const entries = this.store.read<OutboxEntry[]>(outboxKey);
    if (!Array.isArray(entries)) return [];
    const oldest = this.clock.now() - outboxDays * 86_400_000;
    const kept = entries.filter((entry) => Date.parse(entry?.payload?.submittedAt) >= oldest);
    if (kept.length < entries.length) this.write(kept);
    return kept;
  }

  /** Whether a submission still waits (in the store, or in memory with `persist` false). */
  holds(submissionId: string, persist = true): boolean {
    return persist && this.store.available
      ? this.entries().some((entry) => entry.payload.submissionId === submissionId)
      : this.unsaved.has(submissionId);
  }

  /** A submission for this form and endpoint that an earlier visit left waiting. */
  waiting(formId: string, endpoint: string | undefined): OutboxEntry | undefined {
    return this.entries().find((entry) => entry.payload.formId === formId && entry.endpoint === endpoint);
  }

  /** The final answer to a delivery for this form that no widget has shown yet; it is then shown. */
  claim(formId: string, endpoint: string | undefined): { entry: OutboxEntry; result: FinalResult } | undefined {
    const found = [...this.unclaimed.values()].find(({ entry }) => entry.payload.formId === formId && entry.endpoint === endpoint);
    if (found) this.unclaimed.delete(found.entry.payload.submissionId);
    return found;
  }

  /** A widget showed the answer to this submission. */
  shown(submissionId: string): void {
    this.unclaimed.delete(submissionId);
  }

  /**
   * Delivers one payload: tries, waits with backoff, tries again. A final answer removes it from
   * the outbox; running out of tries leaves it there for the next `online`, `pageshow` or load.
   * Returns undefined when another tab (or run) is already delivering it.
   */
  deliver(entry: OutboxEntry, persist = true, onAttempt: (attempt: number) => void = () => {}): Promise<DeliveryResult | undefined> {
    const id = entry.payload.submissionId;
    const saved = persist && this.store.available;
    return this.exclusively(id, async () => {
      if (entry.attempts > 0 && !this.holds(id, saved)) return undefined; // Another tab or run delivered it.
      this.save(entry, saved); // Kept from the first try on: a closed tab loses nothing.
      let result: DeliveryResult | undefined;
      for (let run = 1; !result; run++) {
        entry.attempts++;
        onAttempt(entry.attempts);
        const outcome = await this.send(entry.endpoint, entry.payload);
        if (outcome.kind !== 'retry') {
          result = outcome;
          this.remove(id);
        } else if (run >= this.policy.attempts || !navigator.onLine || (outcome.retryAfter ?? 0) > this.policy.maxRetryAfter) {
          result = { kind: 'queued', attempts: entry.attempts };
          if (outcome.retryAfter) entry.notBefore = this.clock.now() + outcome.retryAfter;
          this.save(entry, saved);
        } else {
          this.save(entry, saved);
          await new Promise((resolve) => this.clock.setTimeout(() => resolve(undefined), backoffDelay(run, outcome.retryAfter, Math.random, this.policy)));
        }
      }
      if (result.kind !== 'queued') {
        this.unclaimed.set(id, { entry, result });
        // Only a shared outbox is seen by other tabs; with storage="none" nothing leaves this tab.
        if (saved && !this.closed) this.channel?.postMessage({ entry, result });
      }
      this.dispatchEvent(new CustomEvent<Delivery>('delivery', { detail: { entry, result } }));
      return result;
    });
  }

  /**
   * Sends everything whose `Retry-After` has passed; each entry at most once at a time across all
   * tabs. An entry still waiting gets a flush of its own at its moment.
   */
  async flush(): Promise<void> {
    if (this.closed) return;
    const now = this.clock.now();
    const entries: [OutboxEntry, boolean][] = [
      ...this.entries().map((entry): [OutboxEntry, boolean] => [entry, true]),
      ...[...this.unsaved.values()].map((entry): [OutboxEntry, boolean] => [entry, false]),
    ];
    const next = Math.min(...entries.map(([entry]) => entry.notBefore ?? Infinity).filter((moment) => moment > now));
    this.clock.clearTimeout(this.laterFlush);
    // (A delay past 2^31 ms would fire at once; a Retry-After of weeks waits for the next load.)
    if (next - now < 2 ** 31) this.laterFlush = this.clock.setTimeout(() => void this.flush(), next - now);
    const due = entries.filter(([entry]) => (entry.notBefore ?? 0) <= now);
    await Promise.all(due.map(([entry, persist]) => this.deliver(entry, persist)));
  }

  /**
   * Runs `task` only if no tab of this origin is delivering the same submission; Web Locks make
   * "exactly once, even with two tabs" hold in the browser, the Idempotency-Key on the server.
   */
  private async exclusively<T>(submissionId: string, task: () => Promise<T>): Promise<T | undefined> {
    if (this.inFlight.has(submissionId)) return undefined;
    this.inFlight.add(submissionId);
    try {
      if (!navigator.locks) return await task();
      return await navigator.locks.request(`ouderstem:send:${submissionId}`, { ifAvailable: true }, (lock) =>
        lock ? task() : undefined,
      );
    } finally {
      this.inFlight.delete(submissionId);
    }
  }

  private save(entry: OutboxEntry, persist: boolean): void {
    if (!persist) {
      this.unsaved.set(entry.payload.submissionId, entry);
      return;
    }
    this.write([...this.entries().filter((other) => other.payload.submissionId !== entry.payload.submissionId), entry]);
  }

  private remove(submissionId: string): void {
    this.unsaved.delete(submissionId);
    if (this.store.available) this.write(this.entries().filter((entry) => entry.payload.submissionId !== submissionId));
  }

  private write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.store.remove(outboxKey);
    else this.store.write(outboxKey, entries);
  }
}

let page: Outbox | undefined;

/**
 * The one outbox of this page, made on first use (not at import): every widget shares it, so a
 * flush sends each entry once, and one BroadcastChannel `ouderstem:deliveries` tells the other tabs.
 */
export function pageOutbox(): Outbox {
  return (page ??= new Outbox({
    store: new Store('local'),
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('ouderstem:deliveries') : undefined,
  }));
}

/**
 * Gives the page another outbox (tests and stories: a retry policy that does not wait seconds).
 * Widgets connected from then on use it. Returns the way back.
 */
export function usePageOutbox(outbox: Outbox): () => void {
  const before = page;
  page = outbox;
  return () => {
    page = before;
  };
}
