// The container files as #17 asks them (Docker does not run on this machine: the structure here,
// the steps themselves by `node scripts/check-container.mjs`): Node from .nvmrc, not root, a
// health check, data only in a volume; compose with PostgreSQL, read-only, waiting for the database.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseDockerfile } from '../../scripts/dockerfile.mjs';

const root = new URL('../../', import.meta.url).pathname;
const nodeMajor = readFileSync(`${root}.nvmrc`, 'utf8').trim();

describe('Dockerfile', () => {
  const stages = parseDockerfile(readFileSync(`${root}Dockerfile`, 'utf8'));
  const image = stages.at(-1);
  const steps = (name) => image.steps.filter((step) => step.instruction === name);

  it('builds on the Node version of .nvmrc in every stage', () => {
    for (const stage of stages) assert.match(stage.base, new RegExp(`^node:${nodeMajor}-`), stage.base);
  });

  it('runs as an unprivileged user, with data only in the /data volume, and a health check of /healthz', () => {
    const userAt = image.steps.findLastIndex((step) => step.instruction === 'USER');
    assert.ok(userAt >= 0, 'a USER');
    assert.notEqual(image.steps[userAt].args[0], 'root');
    assert.ok(userAt < image.steps.findIndex((step) => step.instruction === 'CMD'), 'USER before CMD');
    assert.deepEqual(steps('VOLUME').map((step) => step.args[0]), ['/data']);
    const env = Object.fromEntries(steps('ENV').flatMap((step) => step.args.map((pair) => pair.split('='))));
    assert.equal(env.OUDERSTEM_DATA, '/data');
    assert.equal(env.HOST, '0.0.0.0');
    assert.deepEqual(steps('EXPOSE').map((step) => step.args[0]), [env.PORT]);
    const [health] = steps('HEALTHCHECK');
    assert.ok(health, 'a HEALTHCHECK');
    assert.match(health.args.join(' '), /\/healthz/);
  });

  it('copies only what exists in the repository or the build stage makes', () => {
    for (const stage of stages) {
      for (const step of stage.steps.filter((entry) => entry.instruction === 'COPY' && !entry.flags.from)) {
        for (const source of step.args.slice(0, -1)) assert.ok(existsSync(`${root}${source}`), source);
      }
    }
    const made = ['/app/node_modules', '/app/dist', '/app/server/dist/src'];
    for (const step of steps('COPY').filter((entry) => entry.flags.from)) {
      for (const source of step.args.slice(0, -1)) {
        assert.ok(made.includes(source) || existsSync(`${root}${source.replace(/^\/app\//, '')}`), source);
      }
    }
  });

  it('.dockerignore keeps the host\'s dependencies, builds, data and git out', () => {
    const ignored = readFileSync(`${root}.dockerignore`, 'utf8').split('\n');
    for (const entry of ['.git', 'node_modules', 'server/node_modules', 'dist', 'server/dist', 'server/data']) assert.ok(ignored.includes(entry), entry);
  });
});

describe('compose.yaml', () => {
  const compose = parse(readFileSync(`${root}compose.yaml`, 'utf8'));
  const { server, db } = compose.services;

  it('runs the server from this Dockerfile, read-only, without capabilities, after PostgreSQL is healthy', () => {
    assert.equal(server.build, '.');
    assert.equal(server.read_only, true);
    assert.deepEqual(server.cap_drop, ['ALL']);
    assert.ok(server.security_opt.includes('no-new-privileges:true'));
    assert.equal(server.user, undefined, 'the image\'s own unprivileged user');
    assert.deepEqual(server.depends_on, { db: { condition: 'service_healthy' } });
    assert.match(server.environment.DATABASE_URL, /^postgres:\/\/ouderstem:.+@db:5432\/ouderstem$/);
    assert.ok(server.environment.OUDERSTEM_PUBLIC_URL, 'links need a public address');
    assert.ok(server.volumes.some((volume) => /:\/content:ro$/.test(volume)));
  });

  it('gives PostgreSQL a volume, a password that must be set, and a health check', () => {
    assert.match(db.image, /^postgres:\d+/);
    assert.match(db.environment.POSTGRES_PASSWORD, /:\?/);
    assert.ok(db.volumes.some((volume) => volume.endsWith(':/var/lib/postgresql/data')));
    assert.match(db.healthcheck.test.join(' '), /pg_isready/);
    assert.ok('db' in compose.volumes);
  });
});
