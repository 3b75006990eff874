import { setViewport } from '@web/test-runner-commands';
import { defaultRetryPolicy, Outbox, type RetryPolicy, usePageOutbox } from '../../src/core/outbox.js';
import { Store } from '../../src/core/storage.js';

/**
 * A simulated server for component tests: replaces `fetch`, records every request and answers
 * from a queue of responses (the CONTRACT's answer table in miniature). `network-error` makes
 * fetch reject as it does when offline.
 */
export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string>; /** sent as is instead of `body` as JSON */ raw?: string }
  | 'network-error'
  | ((request: RecordedRequest) => Answer | Promise<Answer>);

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly original = globalThis.fetch;
  private readonly routes = new Map<string, Answer[]>();

  constructor() {
    globalThis.fetch = (input, init) => this.handle(input, init);
  }

  /** Queues answers for `METHOD url`; the last one repeats. */
  on(method: string, url: string, ...answers: Answer[]): this {
    this.routes.set(`${method} ${url}`, answers);
    return this;
  }

  posts(url?: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'POST' && (!url || request.url === url));
  }

  restore(): void {
    globalThis.fetch = this.original;
  }

  private async handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { url, method, headers, body };
    this.requests.push(request);
    const queue = this.routes.get(`${method} ${url}`);
    if (!queue || queue.length === 0) return new Response('not found', { status: 404 });
    let answer = queue.length > 1 ? queue.shift()! : queue[0];
    while (typeof answer === 'function') answer = await answer(request);
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    const text = answer.raw ?? (answer.body === undefined ? null : JSON.stringify(answer.body));
    return new Response(text, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...(answer.headers ?? {}) },
    });
  }
}

/** Waits until `condition` holds, polling; fails after `timeout` ms. */
export async function until(condition: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Retries that do not wait seconds: what the tests use unless they say otherwise. */
export const fastRetries: RetryPolicy = { ...defaultRetryPolicy, baseDelay: 5 };

/** Gives the page a fresh outbox (no answers of an earlier test) with this retry policy; returns the way back. */
export function freshOutbox(policy: RetryPolicy = fastRetries): { outbox: Outbox; restore: () => void } {
  const channel = new BroadcastChannel('ouderstem:deliveries');
  const outbox = new Outbox({ store: new Store('local'), policy, channel });
  const back = usePageOutbox(outbox);
  return {
    outbox,
    restore: () => {
      outbox.close();
      channel.close();
      back();
    },
  };
}

/**
 * The shared set-up of the form widgets' tests: every test starts with empty storage, a fresh
 * simulated server (handed to `use`) and a page outbox whose retries do not wait; afterwards
 * fetch, the outbox and the viewport are put back.
 */
export function withFakeServer(use: (server: FakeServer) => void): void {
  let server: FakeServer;
  let restore: () => void;
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    server = new FakeServer();
    use(server);
    ({ restore } = freshOutbox());
  });
  afterEach(async () => {
    server.restore();
    restore();
    await setViewport({ width: 1024, height: 768 });
  });
}
