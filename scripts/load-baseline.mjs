// The yardstick of `npm run load` (#17): a minimal Fastify 5 app on the same database kind as the
// server under test. A POST does one INSERT of the JSON it received and answers 201 `{}`; a GET
// serves a poll's definition as a static file. Whatever the machine, ours is measured beside it.
//
//   node scripts/load-baseline.mjs --port N --definition FILE [--data DIR]   (DATABASE_URL: PostgreSQL)
import { parseArgs } from 'node:util';
import { dirname, basename } from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, definition: { type: 'string' } } });
const CREATE = 'CREATE TABLE IF NOT EXISTS baseline_submissions (id uuid PRIMARY KEY, body jsonb NOT NULL)';
const INSERT = 'INSERT INTO baseline_submissions (id, body) VALUES ($1, $2)';

let query;
let close;
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query(CREATE);
  query = (sql, params) => pool.query(sql, params);
  close = async () => {
    await pool.query('DROP TABLE baseline_submissions');
    await pool.end();
  };
} else {
  const db = await PGlite.create(values.data);
  await db.query(CREATE);
  query = (sql, params) => db.query(sql, params);
  close = () => db.close();
}

const app = Fastify({ logger: false });
app.post('/api/forms/:id', async (request, reply) => {
  await query(INSERT, [request.headers['idempotency-key'], JSON.stringify(request.body)]);
  return reply.code(201).send({});
});
await app.register(fastifyStatic, { root: dirname(values.definition), prefix: '/static/' });
app.get('/api/forms/:id', (_request, reply) => reply.sendFile(basename(values.definition)));

await app.listen({ port: Number(values.port), host: '127.0.0.1' });
console.log(`baseline listening on ${values.port}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await app.close();
    await close();
    process.exit(0);
  });
}
