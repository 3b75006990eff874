import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkNetworks, describeNetworkProblem, type Gazetteer, type NetworkAreas, readGazetteer } from './gazetteer.js';
import type { ErrorObject, Schemas } from './schemas.js';

/** The data the package ships (CBS boundaries and the gebieden table), served at `/data/`. */
export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

let gazetteer: Gazetteer | undefined;

/** Every gemeente of 2025, its regions and other names (data/gebieden-2025.json), read once. */
export function loadGazetteer(): Gazetteer {
  gazetteer ??= readGazetteer(JSON.parse(readFileSync(`${DATA_DIR}gebieden-2025.json`, 'utf8')));
  return gazetteer;
}

/** `/networks/3/gemeenten/1` → `networks[3].gemeenten[1]`, the way the widget names a place in the file. */
function pathOf(instancePath: string, list: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .reduce((path, part, index) => {
      if (index === 0) return part;
      if (/^\d+$/.test(part)) return `${path}[${part}]${index === 1 && list === 'features' ? '.properties' : ''}`;
      return `${path}.${part}`;
    }, '');
}

function schemaProblem(error: ErrorObject, list: string): string {
  const path = pathOf(error.instancePath, list).replace(/^networks/, list) || '/';
  const detail = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${path}: ${error.message ?? error.keyword}${detail}`;
}

/**
 * Everything a web editor should fix in a networks file (its parsed JSON): where it breaks the
 * schema, and what the gazetteer finds (gemeenten it does not know, "Bergen", former gemeenten,
 * unknown area codes, networks without any area, locations outside the country). One English line
 * each; none for a good file. A GeoJSON FeatureCollection of Points is read as the widget reads it.
 */
export function networkFileProblems(value: unknown, schemas: Schemas): string[] {
  const features = (value as { type?: unknown; features?: unknown } | null)?.type === 'FeatureCollection';
  const list = features ? 'features' : 'networks';
  const entries = features ? (value as { features?: unknown }).features : (value as { networks?: unknown } | null)?.networks;
  const networks = Array.isArray(entries) ? entries.map((entry) => (features ? (entry as { properties?: unknown } | null)?.properties : entry)) : entries;
  const validate = schemas.validator('networks');
  const checked = features ? { networks } : value;
  if (!validate(checked)) {
    return [...new Set((validate.errors ?? []).filter((error) => error.keyword !== 'if').map((error) => schemaProblem(error, list)))];
  }
  const readable = networks as NetworkAreas[];
  const pathFor = (index: number) => (features ? `features[${index}].properties` : `networks[${index}]`);
  return checkNetworks(readable, loadGazetteer(), pathFor).map(describeNetworkProblem);
}
