// The Dockerfile's steps run by hand, for a machine without Docker (#17): each stage gets a folder
// as its root file system, COPY and RUN are carried out there in order (the build context is the
// repository's files less .dockerignore), and the last stage's CMD runs as an unprivileged user
// (`nobody`, for the image's `node`) with the image's ENV, in a root it cannot write to except
// its /data. Then the image's own HEALTHCHECK must pass, a story must be stored, and nothing may
// have been written outside /data.
//
//   node scripts/check-container.mjs        (as root; takes a few minutes: npm ci and the builds)
//
// What it cannot check without Docker: the base image itself (node:24-bookworm-slim), and that
// Docker's read-only root behaves like a folder the user cannot write to.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob } from 'node:path';
import { freePort, root } from '../test/e2e/harness.mjs';
import { parseDockerfile } from './dockerfile.mjs';

if (process.getuid?.() !== 0) {
  console.error('Run as root: the server is started as the user nobody, as the image runs it as node.');
  process.exit(1);
}
const NOBODY = { uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' })) };
const scratch = mkdtempSync(join(tmpdir(), 'ouderstem-image-'));
chmodSync(scratch, 0o755);
const stages = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));

/** The build context: the repository's files (tracked and new, not git-ignored) less .dockerignore. */
function context() {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  return files.filter((file) => existsSync(join(root, file)) && !ignored.some((pattern) => file === pattern || file.startsWith(`${pattern}/`) || matchesGlob(file, pattern)));
}

/** A path of the image inside a stage's folder. */
const inStage = (stage, path, workdir) => join(stage.root, path.startsWith('/') ? path : join(workdir, path));

function step(text) {
  console.log(`\n▶ ${text}`);
}

let workdir = '/';
let env = {};
let user = 'root';
const byName = new Map();
try {
  for (const [index, stage] of stages.entries()) {
    stage.root = join(scratch, `stage-${index}`);
    mkdirSync(stage.root, { recursive: true });
    if (stage.name) byName.set(stage.name, stage);
    workdir = '/';
    env = {};
    user = 'root';
    for (const { instruction, args, flags } of stage.steps) {
      step(`${instruction} ${args.join(' ')}`);
      if (instruction === 'WORKDIR') {
        workdir = args[0];
        mkdirSync(inStage(stage, workdir, '/'), { recursive: true });
      } else if (instruction === 'ENV') {
        Object.assign(env, Object.fromEntries(args.map((pair) => pair.split('='))));
      } else if (instruction === 'COPY') {
        const dest = args.at(-1);
        for (const source of args.slice(0, -1)) {
          if (flags.from) {
            const from = byName.get(flags.from);
            const target = dest.endsWith('/') ? join(inStage(stage, dest, workdir), source.split('/').pop()) : inStage(stage, dest, workdir);
            cpSync(inStage(from, source, '/'), target, { recursive: true });
          } else if (source === '.') {
            for (const file of context()) {
              mkdirSync(dirname(inStage(stage, join(dest, file), workdir)), { recursive: true });
              cpSync(join(root, file), inStage(stage, join(dest, file), workdir));
            }
          } else {
            const target = dest.endsWith('/') || dest === './' ? join(inStage(stage, dest, workdir), source.split('/').pop()) : inStage(stage, dest, workdir);
            mkdirSync(dirname(target), { recursive: true });
            cpSync(join(root, source), target, { recursive: true });
          }
        }
      } else if (instruction === 'RUN') {
        // Absolute paths of the image point into the stage's folder; the image's user `node` is nobody here.
        const command = args.join(' ').replace(/(^|\s)\/(data|content|app)\b/g, `$1${stage.root}/$2`).replace(/\bnode:node\b/g, `${NOBODY.uid}:${NOBODY.gid}`);
        const result = spawnSync('sh', ['-c', command], { cwd: inStage(stage, workdir, '/'), env: { ...process.env, ...env }, stdio: 'inherit' });
        if (result.status !== 0) throw new Error(`RUN failed: ${command}`);
      } else if (instruction === 'USER') {
        user = args[0];
      }
    }
  }

  const image = stages.at(-1);
  if (user === 'root') throw new Error('the image runs as root');
  const healthcheck = image.steps.find((entry) => entry.instruction === 'HEALTHCHECK');
  const cmd = image.steps.findLast((entry) => entry.instruction === 'CMD');
  if (!healthcheck || !cmd) throw new Error('the image needs a HEALTHCHECK and a CMD');

  const listing = (dir) => readdirSync(dir, { recursive: true }).filter((path) => !path.startsWith('data')).map((path) => `${path}:${statSync(join(dir, path)).mtimeMs}`).sort();
  const before = listing(image.root);
  const port = await freePort();
  const runEnv = {
    PATH: process.env.PATH,
    ...Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.replace(/^\/(data|content)\b/, `${image.root}/$1`)])),
    // Loopback only on this machine; the image listens on 0.0.0.0.
    HOST: '127.0.0.1',
    PORT: String(port),
    OUDERSTEM_PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  step(`CMD ${cmd.args.join(' ')} (as nobody, in a root it cannot write to)`);
  const server = spawn(cmd.args[0], cmd.args.slice(1), { cwd: inStage(image, workdir, '/'), env: runEnv, ...NOBODY, stdio: 'inherit' });
  try {
    const healthArgs = healthcheck.args.slice(healthcheck.args.indexOf('CMD') + 1);
    let healthy = false;
    for (let attempt = 0; attempt < 90 && !healthy && server.exitCode === null; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      healthy = spawnSync(healthArgs[0], healthArgs.slice(1), { env: runEnv, ...NOBODY }).status === 0;
    }
    if (!healthy) throw new Error('the HEALTHCHECK never passed');
    step('HEALTHCHECK passed; storing a story');
    const submissionId = crypto.randomUUID();
    const answer = await fetch(`http://127.0.0.1:${port}/api/forms/deel-je-ervaring`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': submissionId },
      body: JSON.stringify({ type: 'ervaring', formId: 'deel-je-ervaring', submissionId, submittedAt: new Date().toISOString(), lang: 'nl', data: { story: 'Een verhaal uit de proef met de container: de school luisterde goed.', themes: ['onderwijs'], anonymous: true, consent: 'internal' }, meta: {} }),
    });
    if (answer.status !== 201) throw new Error(`a story got ${answer.status}: ${await answer.text()}`);
    if ((await fetch(`http://127.0.0.1:${port}/ouderstem.js`)).status !== 200) throw new Error('/ouderstem.js is not served');
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve()));
  }
  const after = listing(image.root);
  const written = after.filter((entry) => !before.includes(entry));
  if (written.length > 0) throw new Error(`written outside /data: ${written.join(', ')}`);
  if (!existsSync(join(image.root, 'data', 'PG_VERSION'))) throw new Error('no database in /data');
  chownSync(join(image.root, 'data'), 0, 0);
  console.log('\nThe image\'s steps work: built, started as nobody, healthy, stored a story, wrote only to /data.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
