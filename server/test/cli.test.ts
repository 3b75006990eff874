import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ContentError, loadContent } from '../src/content.js';
import { BAD_CONTENT_DIR, CONTENT_DIR, schemas } from './helpers.js';
import { openDatabase } from '../src/db.js';
import { ensureOrganisation } from '../src/organisations.js';
import { addUser } from '../src/beheer/users.js';
import { checkSetupToken } from '../src/beheer/auth.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/ouderstem-server.js', import.meta.url));
const DEMO_CONTENT = fileURLToPath(new URL('../../content/demo/', import.meta.url));

describe('content', () => {
  it('the demo content is valid', () => {
    const content = loadContent(DEMO_CONTENT, schemas);
    assert.ok(content.forms.size >= 4);
    assert.ok((content.networks?.networks as unknown[]).length >= 15);
  });

  it('an invalid file names the file and the JSON path', () => {
    assert.throws(
      () => loadContent(BAD_CONTENT_DIR, schemas),
      (error: Error) => error instanceof ContentError && /poll\.json/.test(error.message) && /\/results/.test(error.message) && /\/questions\/0/.test(error.message),
    );
  });

  it('start-up stops with that message', async () => {
    await assert.rejects(run(process.execPath, [BIN, '--content', BAD_CONTENT_DIR, '--port', '0']), (error: Error & { stderr: string; code: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /poll\.json does not match peiling\.definition\.schema\.json/);
      assert.doesNotMatch(error.stderr, /at .*\.js:\d+/);
      return true;
    });
  });
});

describe('check-networks FILE', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ouderstem-networks-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const check = async (name: string, value: unknown) => {
    const file = join(dir, name);
    await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
    return run(process.execPath, [BIN, 'check-networks', file]).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: Error & { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  };
  const network = (fields: object) => ({ id: 'n', name: 'N', type: 'oudersraad', ...fields });

  it('says a good file has nothing to fix, and exits 0', async () => {
    const result = await check('good.json', { networks: [network({ gemeenten: ['Den Haag', 'Zoetermeer'], areas: ['JZ24'] }), network({ id: 'm', areas: ['PV28'] })] });
    assert.deepEqual(result, { code: 0, stdout: 'good.json: 2 networks, nothing to fix\n', stderr: '' });
  });

  it('names each thing to fix on its own line, with where it is and what to write, and exits 1', async () => {
    const result = await check('mixed.json', {
      networks: [
        network({ gemeenten: ['Bergen', 'Haarlemmerliede en Spaarnwoude'], areas: ['JZ40'] }),
        network({ id: 'm', gemeenten: ['Haaglanden'], location: { lat: 4.3, lon: 52.1 } }),
      ],
    });
    assert.equal(result.code, 1);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      'mixed.json: 5 things to fix',
      '  networks[0].gemeenten[0]: "Bergen" fits more than one gemeente: write "Bergen (NH.)" or "Bergen (L.)"',
      '  networks[0].gemeenten[1]: "Haarlemmerliede en Spaarnwoude" is a former gemeente, now part of Haarlemmermeer: write "Haarlemmermeer"',
      '  networks[0].areas[0]: "JZ40" is no code of a gemeente (GM…), jeugdregio (JZ…), provincie (PV…) or GGD region (GG…) of 2025',
      '  networks[1].gemeenten[0]: "Haaglanden" is a region, not a gemeente: put its code in "areas": "JZ24"',
      '  networks[1].location: 4.3, 52.1 is outside the Netherlands; are latitude and longitude swapped?',
    ]);
  });

  it('names schema problems first, and reads a GeoJSON FeatureCollection as the widget does', async () => {
    const broken = await check('broken.json', { networks: [network({ website: 'javascript:alert(1)' }), { id: 'x', name: 'X' }] });
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /networks\[0\]\.website: must match pattern/);
    assert.match(broken.stdout, /networks\[1\]: must have required property 'type'/);
    const features = await check('features.json', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: network({ gemeenten: ['Atlantis'] }) }],
    });
    assert.equal(features.code, 1);
    assert.match(features.stdout, /features\[0\]\.properties\.gemeenten\[0\]: "Atlantis" is no gemeente of 2025/);
  });

  it('says so when the file is missing or no JSON, without a stack trace', async () => {
    const notJson = await check('nojson.json', 'networks:\n  - id: x');
    assert.equal(notJson.code, 1);
    assert.match(notJson.stderr, /nojson\.json: not valid JSON/);
    assert.doesNotMatch(notJson.stderr, /at .*\.js:\d+/);
    await assert.rejects(run(process.execPath, [BIN, 'check-networks', join(dir, 'missing.json')]), /missing\.json: no such file/);
  });

  it('passes the demo networks', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'check-networks', join(DEMO_CONTENT, 'networks.json')]);
    assert.match(stdout, /^networks\.json: \d+ networks, nothing to fix\n$/);
  });
});

describe('command line (PGlite data directory)', () => {
  let data: string;
  const env = { ...process.env, DATABASE_URL: '' };
  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'ouderstem-cli-'));
  });
  after(() => rm(data, { recursive: true, force: true }));

  it('codes --form ID --count N prints N distinct single-use codes', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'codes', '--form', 'poll-code', '--count', '5', '--content', CONTENT_DIR, '--data', data], { env });
    const codes = stdout.trim().split('\n');
    assert.equal(codes.length, 5);
    assert.equal(new Set(codes).size, 5);
    for (const code of codes) assert.match(code, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  });

  it('codes refuses a poll without integrity "code"', async () => {
    await assert.rejects(run(process.execPath, [BIN, 'codes', '--form', 'poll', '--count', '5', '--content', CONTENT_DIR, '--data', data], { env }), /does not use participation codes/);
  });

  it('export --form ID writes CSV to stdout', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'export', '--form', 'signup', '--content', CONTENT_DIR, '--data', data], { env });
    assert.equal(stdout, 'ontvangen,sessie,sessietitel,status,naam,e-mail,telefoon,rol,gemeente,behoeften,opmerkingen\r\n');
  });

  it('import DIR: the folder is in the database once (the commands above imported it at their start); another organisation cannot take its forms (exit 1)', async () => {
    const again = await run(process.execPath, [BIN, 'import', CONTENT_DIR, '--data', data], { env });
    assert.equal(again.stdout, 'Ingelezen: organisatie standaard; ongewijzigd: 6; netwerken: ongewijzigd\n');
    await assert.rejects(run(process.execPath, [BIN, 'import', CONTENT_DIR, '--organisation', 'elders', '--data', data], { env }), (error: Error & { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /  poll:\n {4}Een formulier met de code "poll" hoort al bij een andere organisatie \(standaard\)/);
      return true;
    });
  });

  it('user reset --email prints a one-time link that sets a new password; an unknown address is an error', async () => {
    const db = await openDatabase({ dataDir: data });
    await ensureOrganisation(db, { id: 'test' });
    await addUser(db, { organisationId: 'test', email: 'vergeten@test.nl', name: 'Vergeetachtig', role: 'beheerder' });
    await db.close();
    const { stdout } = await run(process.execPath, [BIN, 'user', 'reset', '--email', 'VERGETEN@test.nl', '--content', CONTENT_DIR, '--data', data], { env });
    const token = /^Nieuw wachtwoord voor vergeten@test\.nl: http:\/\/localhost:\d+\/beheer\/setup\/([\w-]{40,}) /.exec(stdout)?.[1];
    assert.ok(token, stdout);
    const reopened = await openDatabase({ dataDir: data });
    try {
      const checked = await checkSetupToken(reopened, token);
      assert.equal(checked.state, 'valid');
      const { rows } = await reopened.query<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE action = 'user.reset'");
      assert.deepEqual(rows, [{ actor: 'cli', action: 'user.reset' }]);
    } finally {
      await reopened.close();
    }
    await assert.rejects(run(process.execPath, [BIN, 'user', 'reset', '--email', 'niemand@test.nl', '--data', data], { env }), /No account with the e-mail address niemand@test\.nl/);
  });
});

/** Starts `serve` and resolves with its first lines once it says it runs (or with its output when it stops). */
function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ started: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (/Ouderstem draait op/.test(output)) {
        child.kill('SIGTERM');
        resolve({ started: true, output });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', () => resolve({ started: false, output }));
  });
}

describe('start-up settings', () => {
  let data: string;
  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'ouderstem-start-'));
  });
  after(() => rm(data, { recursive: true, force: true }));

  it('OUDERSTEM_TRUST_PROXY=true, as documented, starts the server', async () => {
    const { started, output } = await startServe(['--content', CONTENT_DIR, '--port', '0', '--host', '127.0.0.1', '--data', data], { OUDERSTEM_TRUST_PROXY: 'true' });
    assert.ok(started, output);
  });

  it('listening beyond this machine without a public address stops start-up with what to set', async () => {
    const { started, output } = await startServe(['--content', CONTENT_DIR, '--port', '0', '--host', '0.0.0.0', '--data', data], {});
    assert.equal(started, false);
    assert.match(output, /OUDERSTEM_PUBLIC_URL/);
    const withUrl = await startServe(['--content', CONTENT_DIR, '--port', '0', '--host', '0.0.0.0', '--data', data], { OUDERSTEM_PUBLIC_URL: 'https://ouderstem.voorbeeldstad.nl' });
    assert.ok(withUrl.started, withUrl.output);
  });

  it('a damaged data folder stops start-up with a message naming it, not a stack trace', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ouderstem-notdb-'));
    try {
      await writeFile(join(folder, 'notes.txt'), 'x');
      const { started, output } = await startServe(['--content', CONTENT_DIR, '--port', '0', '--data', folder], {});
      assert.equal(started, false);
      assert.match(output, new RegExp(`${folder}: this folder holds files but no database`));
      assert.doesNotMatch(output, /at .*\.js:\d+/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
