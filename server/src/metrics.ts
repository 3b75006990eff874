import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from './db.js';

/** Something that waits to be done, counted at each scrape: the mail outbox, for example. */
export interface QueueSource {
  /** The `queue` label: `mail`, `outbox`. */
  name: string;
  /** How many items wait now. */
  length(): Promise<number>;
}

/**
 * What `/metrics` shows, in Prometheus' text format (prom-client): requests by route and status,
 * their latencies, submissions by outcome, queue lengths, and whether the database is well.
 * Routes are the route patterns (`/api/cancel/:token`), never the URL, so no token gets in.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly queues: QueueSource[] = [];
  private readonly requests = new Counter({
    name: 'ouderstem_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'ouderstem_http_request_duration_seconds',
    help: 'Time from the request arriving to the answer sent, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly submissions = new Counter({
    name: 'ouderstem_submissions_total',
    help: 'Submissions answered by the store, by form type and status (201 stored or replayed, 409 refused, 410 withdrawn, 422 key reused); 503s show in ouderstem_http_requests_total.',
    labelNames: ['type', 'status'] as const,
    registers: [this.registry],
  });

  constructor(db: Database, { processMetrics = false } = {}) {
    const queues = this.queues;
    new Gauge({
      name: 'ouderstem_database_up',
      help: '1 when the database answers and its disk takes writes, else 0.',
      labelNames: ['storage'] as const,
      registers: [this.registry],
      async collect() {
        this.set({ storage: db.kind }, (await db.health()).ok ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ouderstem_queue_length',
      help: 'Items waiting in a queue (for example mail not yet sent).',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of queues) this.set({ queue: queue.name }, await queue.length());
      },
    });
    // Memory, CPU and event-loop delay of the process; only for a real server, not per test app.
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'ouderstem_' });
  }

  /** Adds a queue whose length each scrape reports (the mail outbox registers itself here). */
  addQueue(source: QueueSource): void {
    this.queues.push(source);
  }

  answered(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }

  submission(type: string, status: number): void {
    this.submissions.inc({ type, status: String(status) });
  }
}
