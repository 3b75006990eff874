import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyServerFactory } from 'fastify';
import { fieldError, type ErrorCode } from './messages.js';

/** How long a client may take, and how many connections it may hold. */
export interface HttpLimits {
  /** The whole request, headers and body, must arrive within this (a phone on a slow line sends 64 KB in a few seconds). */
  requestTimeoutMs: number;
  /** The headers must arrive within this. */
  headersTimeoutMs: number;
  /** A connection on which nothing moves for this long is closed. */
  idleTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections per client address; more are closed at once. 0: no limit (behind a proxy, which limits per client itself). */
  maxConnectionsPerClient: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerClient: 64,
};

/** The HTTP server Fastify runs on, with the limits applied (Fastify's defaults let a body trickle in for ever). */
export function limitedServer(limits: HttpLimits): FastifyServerFactory {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void) => {
    const server = createServer(
      {
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.headersTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // Node looks for requests past their time every 30 s by default; then a 15 s limit can take 45.
        connectionsCheckingInterval: Math.min(1_000, limits.requestTimeoutMs),
      },
      handler,
    );
    server.setTimeout(limits.idleTimeoutMs, (socket: Socket) => socket.destroy());
    if (limits.maxConnectionsPerClient > 0) capConnections(server, limits.maxConnectionsPerClient);
    return server;
  };
}

function capConnections(server: ReturnType<typeof createServer>, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? '';
    const count = (open.get(client) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
  });
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers too large, a request that
 * took too long, Content-Length together with Transfer-Encoding, garbage) gets the API's own
 * `{ errors }` shape too, and the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ErrorCode] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request-timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large']
        : [400, 'bad-request'];
  const body = JSON.stringify({ errors: [fieldError(code, 'nl')] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * `OUDERSTEM_TRUST_PROXY`: `true` (trust every proxy), `false`, or a comma-separated list of proxy
 * addresses and CIDR ranges (`127.0.0.1, 10.0.0.0/8`).
 */
export function parseTrustProxy(value: string | undefined): boolean | string[] | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^(true|yes|1)$/i.test(text)) return true;
  if (/^(false|no|0)$/i.test(text)) return false;
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}
