import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type Area,
  gemeenteOf,
  type Gemeente,
  gemeentenServedBy,
  isPostcode,
  type Link,
  nearestNetworks,
  networksFor,
  type PlaceName,
} from './gazetteer.js';
import type { Region } from './geo.js';
import type { Network, Netwerkkaart } from './netwerkkaart.js';
import type { PlacesController } from './places.js';

/** What was asked: a name typed (or chosen from the suggestions), or an area chosen on the map. */
export type Question = { typed: string } | { region: Region };

/** What the widget answers. */
export type Answer =
  /** Four digits: kindly ask for the name instead. */
  | { kind: 'postcode' }
  /** A name nobody knows: a typo, or a gemeente no network or table names. */
  | { kind: 'unknown'; label: string }
  /** "Bergen": which one? (`former`: a former gemeente split between several.) */
  | { kind: 'which'; label: string; options: Gemeente[]; former?: boolean }
  | {
      kind: 'networks';
      /** As the parent wrote it: "Den Haag". */
      label: string;
      /** A region chosen on the map instead of a name. */
      area?: Area;
      /** When a former gemeente was asked for (then `label` is the gemeente it is part of now). */
      former?: string;
      /** The networks that serve it, each with how. */
      links: Link<Network>[];
      /** When none does: the closest ones. */
      nearest: { network: Network; km: number }[];
    };

export interface SearchHost extends ReactiveControllerHost {
  readonly places: PlacesController;
  /** The networks, once loaded. */
  readonly kaart?: Netwerkkaart;
  /** The boundaries drawn on the map, if any. */
  readonly regionList: readonly Region[];
  /** The search (or an area on the map) found networks: the widget selects the first. */
  found(network: Network, source: 'search' | 'map'): void;
}

/**
 * The search box (the ARIA APG "combobox with listbox popup") and its answer: the networks that
 * serve a gemeente and how ("Zoetermeer hoort bij jeugdregio Haaglanden"), which one of two
 * namesakes, a kind word for a postcode, or the nearest networks.
 */
export class SearchController implements ReactiveController {
  query = '';
  expanded = false;
  activeOption = -1;
  question?: Question;

  /** What the search knew when the question was asked, and where it was asked. */
  private asked?: { gazetteer: unknown; source: 'search' | 'map' };

  constructor(private readonly host: SearchHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A question asked before the gazetteer arrived is asked again with it, so the network it finds is chosen. */
  hostUpdated(): void {
    if (this.question && this.asked && this.asked.gazetteer !== this.host.places.gazetteer) this.ask(this.question, this.asked.source);
  }

  private update(): void {
    this.host.requestUpdate();
  }

  suggestions(): PlaceName[] {
    const { kaart } = this.host;
    return kaart ? this.host.places.suggest(kaart, this.query) : [];
  }

  onInput(value: string): void {
    this.query = value;
    this.activeOption = -1;
    this.expanded = this.suggestions().length > 0;
    this.update();
  }

  onKey(event: KeyboardEvent): void {
    const options = this.suggestions();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (options.length === 0) return;
        const down = event.key === 'ArrowDown';
        if (!this.expanded || event.altKey) {
          this.expanded = true;
          if (!event.altKey) this.activeOption = down ? 0 : options.length - 1;
        } else {
          this.activeOption =
            this.activeOption < 0 ? (down ? 0 : options.length - 1) : (this.activeOption + (down ? 1 : -1) + options.length) % options.length;
        }
        break;
      }
      case 'Enter':
        if (!this.expanded || !options[this.activeOption]) return;
        event.preventDefault();
        this.choose(options[this.activeOption].label);
        return;
      case 'Escape':
        event.preventDefault();
        if (this.expanded) this.expanded = false;
        else this.query = '';
        this.activeOption = -1;
        break;
      default:
        return;
    }
    this.update();
  }

  onBlur(): void {
    this.expanded = false;
    this.update();
  }

  /** "Zoeken" or Enter without a suggestion chosen: the same name in any spelling, else the only suggestion, else the list to choose from. */
  onSubmit(event: Event): void {
    event.preventDefault();
    const typed = this.query.trim();
    const { kaart } = this.host;
    if (!typed || !kaart) return;
    const options = this.suggestions();
    if (this.host.places.resolve(kaart, typed) || isPostcode(typed) || options.length === 0) {
      this.expanded = false;
      this.activeOption = -1;
      this.ask({ typed });
    }
    else if (options.length === 1) this.choose(options[0].label);
    else {
      this.expanded = true;
      this.activeOption = 0;
      this.update();
    }
  }

  /** A suggestion, or one of the gemeenten offered for "Bergen". */
  choose(label: string): void {
    this.query = label;
    this.expanded = false;
    this.activeOption = -1;
    this.ask({ typed: label });
  }

  ask(question: Question, source: 'search' | 'map' = 'search'): void {
    this.question = question;
    this.asked = { gazetteer: this.host.places.gazetteer, source };
    const answer = this.answer();
    if (answer?.kind === 'networks' && answer.links[0]) this.host.found(answer.links[0].network, source);
    this.update();
  }

  /** "Noord-Holland": what tells two namesakes apart. */
  provincieOf(gemeente: Gemeente): string {
    return this.host.places.gazetteer?.areas.get(gemeente.provincie)?.name ?? '';
  }

  /** Worked out again on every render, so it improves by itself when the gazetteer arrives. */
  answer(): Answer | undefined {
    const { kaart, places } = this.host;
    const { question } = this;
    if (!kaart || !question) return undefined;
    const { gazetteer } = places;
    const { networks } = kaart;
    if ('region' in question) {
      const area = question.region.code ? gazetteer?.areas.get(question.region.code) : undefined;
      if (!area || area.kind === 'gemeente') return this.answerFor(area?.name ?? question.region.name, kaart);
      const within = new Set(area.gemeenten);
      const links = networks
        .filter((network) => [...gemeentenServedBy(network, networks, gazetteer)].some((code) => within.has(code)))
        .map((network) => ({ network }));
      return { kind: 'networks', label: area.name, area, links, nearest: [] };
    }
    return this.answerFor(question.typed, kaart);
  }

  private answerFor(typed: string, kaart: Netwerkkaart): Answer {
    const { places } = this.host;
    const { gazetteer } = places;
    const place = places.resolve(kaart, typed);
    if (!place) return isPostcode(typed) ? { kind: 'postcode' } : { kind: 'unknown', label: typed.trim() };
    if (place.codes.length > 1) {
      return { kind: 'which', label: place.label, options: place.codes.map((code) => gemeenteOf(gazetteer, code)!), former: place.former };
    }
    const links = networksFor(place, kaart.networks, gazetteer);
    const gemeente = gemeenteOf(gazetteer, place.codes[0]);
    // Without the table, a drawn boundary of the same name tells where the place is.
    const point = gemeente?.point ?? this.host.regionList.find((region) => region.key === place.key)?.center;
    return {
      kind: 'networks',
      label: place.former && gemeente ? gemeente.name : place.label,
      ...(place.former && gemeente ? { former: place.label } : {}),
      links,
      nearest: links.length === 0 && point ? nearestNetworks(point, kaart.networks) : [],
    };
  }
}
