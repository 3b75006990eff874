// The Custom Elements Manifest must describe every element with its events and attributes, so
// editors and IDEs (and the README, which points at it) tell the truth.
import { readFileSync } from 'node:fs';
import { widgets } from './entries.mjs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const problems = [];
for (const tag of ['ouder-config', ...widgets.map((name) => `ouder-${name}`)]) {
  const element = declarations.find((declaration) => declaration.tagName === tag);
  if (!element) {
    problems.push(`${tag}: not in the manifest`);
    continue;
  }
  const attributes = new Set((element.attributes ?? []).map((attribute) => attribute.name));
  for (const name of ['endpoint', 'src', 'privacy-url']) if (!attributes.has(name)) problems.push(`${tag}: attribute ${name} missing`);
  if (tag !== 'ouder-config' && !(element.events ?? []).some((event) => event.name === 'ouder-ready')) {
    problems.push(`${tag}: event ouder-ready missing`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`custom-elements.json describes ${1 + widgets.length} elements.`);
