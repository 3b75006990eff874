// docs/toegankelijkheid.md stays true: every WCAG 2.2 A and AA success criterion has a row, each
// widget's status is one of the allowed words, and every criterion marked "voldoet" names tests
// that exist (the file, and the test's title in it).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const statement = readFileSync(new URL('docs/toegankelijkheid.md', root), 'utf8');

/** The success criteria of WCAG 2.2 at levels A and AA (4.1.1 Parsing is obsolete in 2.2). */
const criteria = [
  '1.1.1', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '1.3.5',
  '1.4.1', '1.4.2', '1.4.3', '1.4.4', '1.4.5', '1.4.10', '1.4.11', '1.4.12', '1.4.13',
  '2.1.1', '2.1.2', '2.1.4', '2.2.1', '2.2.2', '2.3.1', '2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.4.5',
  '2.4.6', '2.4.7', '2.4.11', '2.5.1', '2.5.2', '2.5.3', '2.5.4', '2.5.7', '2.5.8',
  '3.1.1', '3.1.2', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.2.6', '3.3.1', '3.3.2', '3.3.3', '3.3.4',
  '3.3.7', '3.3.8', '4.1.2', '4.1.3',
];
const widgets = ['peiling', 'meedenksessie', 'ervaring', 'netwerkkaart'];
const statuses = new Set(['voldoet', 'voldoet niet', 'n.v.t.', 'pagina']);

/** The rows of the table: criterion, level, a status per widget, and the evidence. */
const rows = statement
  .split('\n')
  .filter((line) => /^\| \d\.\d+\.\d+ /.test(line))
  .map((line) => {
    const cells = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
    return { id: cells[0].split(' ')[0], line, level: cells[1], status: cells.slice(2, 6), evidence: cells[6] ?? '' };
  });

/** The tests an evidence cell names: `file` ("a title in it"), a file may be followed by one title. */
const references = (evidence) => [...evidence.matchAll(/`(test\/[^`]+)`(?:\s*\("([^"]+)"\))?/g)].map(([, file, title]) => ({ file, title }));

describe('the accessibility statement (docs/toegankelijkheid.md)', () => {
  it('has the table header it is read by', () => {
    assert.match(statement, new RegExp(`\\| Criterium \\| Niveau \\| ${widgets.join(' \\| ')} \\| Bewijs \\|`));
  });

  it('names every WCAG 2.2 A and AA success criterion once, with its level', () => {
    assert.deepEqual(rows.map((row) => row.id), criteria);
    for (const row of rows) assert.match(row.level, /^A{1,2}$/, row.line);
  });

  it('gives each widget one of: voldoet, voldoet niet, n.v.t., pagina', () => {
    for (const row of rows) for (const status of row.status) assert.ok(statuses.has(status), `${row.id}: "${status}"`);
  });

  it('names, for every criterion a widget meets, tests that exist', () => {
    for (const row of rows.filter((row) => row.status.includes('voldoet'))) {
      const named = references(row.evidence);
      assert.ok(named.length > 0, `${row.id} is met but names no test`);
      for (const { file, title } of named) {
        const path = new URL(file, root);
        assert.ok(existsSync(path), `${row.id}: ${file} does not exist`);
        if (title) assert.ok(readFileSync(path, 'utf8').includes(title), `${row.id}: no test "${title}" in ${file}`);
      }
    }
  });

  it('lists its known limitations and the date it was last evaluated', () => {
    assert.match(statement, /## Bekende beperkingen\n/);
    assert.match(statement, /\*\*Datum van de laatste beoordeling:\*\* \d{1,2} \w+ 20\d\d\./);
    for (const row of rows.filter((row) => row.status.includes('voldoet niet'))) {
      assert.ok(statement.includes(row.id, statement.indexOf('## Bekende beperkingen')), `${row.id} is not met: say why under "Bekende beperkingen"`);
    }
  });
});
