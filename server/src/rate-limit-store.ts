import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from './db.js';

interface Counted {
  current: number;
  ttl: number;
}

/**
 * A store for @fastify/rate-limit that keeps the counters in PostgreSQL, so that every server
 * process on one database counts the same clients: the documented limit holds however many
 * processes run. One statement per limited request, on an unlogged table (a counter lost in a
 * crash costs nothing, and its commit waits for no disk). Keys are already HMACs of the address.
 */
export function postgresRateLimitStore(db: Queryable): FastifyRateLimitStoreCtor {
  return class PostgresRateLimitStore {
    private readonly prefix: string;
    // @fastify/rate-limit constructs the store with its options, and asks each route for a child.
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    // The plugin passes the route's window as a third argument (its types leave it out).
    incr(key: string, callback: (error: Error | null, result?: Counted) => void, timeWindow = 60_000): void {
      db.query<{ hits: number; ttl: number }>(
        `INSERT INTO rate_limits (key, window_end, hits) VALUES ($1, now() + make_interval(secs => $2::float8 / 1000), 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.window_end <= now() THEN 1 ELSE rate_limits.hits + 1 END,
           window_end = CASE WHEN rate_limits.window_end <= now() THEN EXCLUDED.window_end ELSE rate_limits.window_end END
         RETURNING hits, greatest(0, ceil(extract(epoch FROM window_end - now()) * 1000))::int AS ttl`,
        [this.prefix + key, timeWindow],
      ).then(
        (result) => callback(null, { current: result.rows[0]!.hits, ttl: result.rows[0]!.ttl }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: object): PostgresRateLimitStore {
      const { routeInfo } = routeOptions as { routeInfo?: { method?: string | string[]; url?: string } };
      return new PostgresRateLimitStore(`${String(routeInfo?.method ?? '')} ${routeInfo?.url ?? ''} `);
    }
  };
}
