import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchJson } from '../core/resource.js';
import {
  type AreaKind,
  type Gazetteer,
  matchPlaces,
  placeKey,
  type PlaceName,
  placeNames,
  readGazetteer,
} from './gazetteer.js';
import type { Netwerkkaart } from './netwerkkaart.js';

/**
 * The folder of the CBS data the package ships, beside the widget's script: `data/` next to
 * `dist/` in the package, `/data/` on the reference server (which serves the scripts at `/`).
 * Written for this file's place in src/netwerkkaart/; the build rewrites it for the folder each
 * bundle lands in (rollup.config.mjs). A variable rather than a literal in `new URL()`, so that
 * Vite (Storybook) resolves it at run time as the browser does.
 */
const besideScript = '../../data/';
export const dataFolder = new URL(besideScript, import.meta.url);

/** The layers `regions="…"` draws, as shipped in data/. */
export const layerFiles: Record<AreaKind, string> = {
  gemeente: 'gemeenten-2025.topo.json',
  jeugdregio: 'jeugdregios-2025.topo.json',
  provincie: 'provincies-2025.topo.json',
  ggd: 'ggdregios-2025.topo.json',
};

const tables = new Map<string, Promise<Gazetteer | undefined>>();

/** Every gemeente and its regions (data/gebieden-2025.json), fetched once per page however many maps it has. */
function loadGazetteer(url: string): Promise<Gazetteer | undefined> {
  let table = tables.get(url);
  if (!table) {
    table = fetchJson(url, new AbortController().signal)
      .then(readGazetteer)
      .catch((error: unknown) => {
        const reason = String((error as Error)?.message ?? error).replace(/^ouderstem: /, '');
        console.warn(`ouderstem: the search knows only the names in the networks file (${reason}): put the package's data/ folder next to its dist/ folder, as ${url}`);
        return undefined;
      });
    tables.set(url, table);
  }
  return table;
}

/**
 * What the search knows: the gazetteer (loaded when the widget connects) and the names in the
 * networks file, with the suggestions for what was typed. Also tells the web editor, on the
 * console, what in the networks file the gazetteer cannot place.
 */
export class PlacesController implements ReactiveController {
  gazetteer?: Gazetteer;

  private cache?: { kaart: Netwerkkaart; gazetteer?: Gazetteer; names: PlaceName[]; byKey: Map<string, PlaceName> };
  private checked = new WeakSet<Netwerkkaart>();

  constructor(private readonly host: ReactiveControllerHost & { readonly kaart: Netwerkkaart; readonly networksFile: string }) {
    host.addController(this);
  }

  /** Once both the networks and the gazetteer are there, the web editor hears what it cannot place. */
  hostUpdated(): void {
    if (this.gazetteer) this.index(this.host.kaart);
  }

  hostConnected(): void {
    if (this.gazetteer) return;
    void loadGazetteer(new URL('gebieden-2025.json', dataFolder).href).then((gazetteer) => {
      this.gazetteer = gazetteer;
      this.host.requestUpdate();
    });
  }

  private index(kaart: Netwerkkaart) {
    if (this.cache?.kaart !== kaart || this.cache.gazetteer !== this.gazetteer) {
      const names = placeNames(kaart.networks, this.gazetteer);
      this.cache = { kaart, gazetteer: this.gazetteer, names, byKey: new Map(names.map((name) => [name.key, name])) };
    }
    const { gazetteer } = this;
    if (gazetteer && !this.checked.has(kaart)) {
      // What the search cannot place, briefly: the reference server's check-networks says what to write instead.
      this.checked.add(kaart);
      kaart.networks.forEach(({ gemeenten = [], areas = [] }, index) => {
        const unplaced = [
          ...gemeenten.filter((name) => gazetteer.names.get(placeKey(name))?.codes.length !== 1),
          ...areas.filter((code) => !gazetteer.areas.has(code)),
        ];
        if (unplaced.length > 0) {
          console.warn(
            `ouderstem: ${this.host.networksFile}: ${kaart.paths[index]} names no single gemeente or area of 2025: "${unplaced.join('", "')}" (ouderstem-server check-networks FILE says what to write)`,
          );
        }
      });
    }
    return this.cache;
  }

  /** The place a name stands for, written in any of the ways the search understands. */
  resolve(kaart: Netwerkkaart, typed: string): PlaceName | undefined {
    return this.index(kaart).byKey.get(placeKey(typed));
  }

  suggest(kaart: Netwerkkaart, query: string): PlaceName[] {
    return matchPlaces(query, this.index(kaart).names);
  }
}
