import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DefinitionError } from './definition.js';

/**
 * Why a file could not be fetched: `httpStatus` is the server's answer, absent for a network error
 * (which is also what a browser reports when another origin's server sends no CORS headers).
 */
export interface LoadFailure {
  url: string;
  httpStatus?: number;
}

/** Whether trying again can help: a lost connection or a busy server, not a refusal or an unknown form. */
export function retryCanHelp(failure: LoadFailure): boolean {
  const status = failure.httpStatus;
  return status === undefined || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** What a refusal means, for the web editor on the console: the parent sees one plain sentence and the fallback. */
export function describeStatus(httpStatus: number | undefined): string {
  return httpStatus === undefined
    ? 'a network error: the server cannot be reached, or it does not allow this site (CORS)'
    : httpStatus === 403
      ? `403: this site (${location.origin}) is not allowed for this form; add it to the allowed origins in the console (beheer)`
      : httpStatus === 404 || httpStatus === 410
        ? `${httpStatus}: the server knows no such form (check the address, and that the form is published)`
        : `${httpStatus} from the server`;
}

/** The reason a file could not be loaded, for the console. */
export function describeLoadFailure({ url, httpStatus }: LoadFailure): string {
  return `ouderstem: could not load ${url}: ${describeStatus(httpStatus)}`;
}

class LoadError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(describeLoadFailure(failure));
  }
}

/** Fetches JSON for a widget; a failure rejects with the reason, a file that is no JSON with a DefinitionError. */
export async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', cache: 'no-cache', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LoadError({ url });
  }
  if (!response.ok) throw new LoadError({ url, httpStatus: response.status });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DefinitionError(url, 'notJson');
  }
}

export type ResourceState<T> =
  /** Nothing was asked for (an optional file such as `regions-src`). */
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; failure: LoadFailure }
  | { status: 'invalid'; error: DefinitionError }
  | { status: 'ready'; value: T };

export interface ResourceOptions<T> {
  /** What it is, on the console: "the definition", "the boundaries (regions-src)". */
  what: string;
  /** The value as an object (a property): wins over the URL. */
  value: () => unknown;
  /** Where to GET it. */
  url: () => string | undefined;
  /** Checks the raw JSON; throws a DefinitionError naming the field that is wrong. */
  parse: (raw: unknown) => T;
  /**
   * Called once per new value, during the update that first renders it (before rendering): the
   * place to set up state for it.
   */
  onReady?: (value: T) => void;
  /** Which attributes give it, when it is required: without any of them it is invalid. Else it stays idle. */
  required?: string;
}

/**
 * Loads one JSON resource of a widget (a definition, a network file, boundaries) from an object
 * property or a URL, checks it, and keeps the idle / loading / failed / invalid / ready state. A
 * reload can keep the current value on screen until the fresh one is there (`reload(true)`).
 * What went wrong goes to the console, for the web editor; the widget shows a plain sentence.
 */
export class ResourceController<T> implements ReactiveController {
  state: ResourceState<T> = { status: 'loading' };
  /** A reload is under way while the previous value stays on screen. */
  refreshing = false;

  /** What the current state was loaded from; a fresh symbol so the first update always loads. */
  private loadedFrom: unknown = Symbol('not loaded');
  private announced?: T;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResourceOptions<T>,
  ) {
    host.addController(this);
  }

  get value(): T | undefined {
    return this.state.status === 'ready' ? this.state.value : undefined;
  }

  hostUpdate(): void {
    const source = this.options.value() ?? this.options.url();
    if (source !== this.loadedFrom) {
      this.loadedFrom = source;
      this.load(false);
    }
    // A new value: the widget sets up its state for it (a restored draft, a queued answer)
    // in this same update, so the first render already shows it and no second update follows.
    if (this.state.status === 'ready' && this.state.value !== this.announced) {
      this.announced = this.state.value;
      this.options.onReady?.(this.state.value);
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.loadedFrom = Symbol('not loaded');
  }

  /** Loads again: the "probeer opnieuw" button, or (`keep`) a refresh behind the value on screen. */
  reload(keep = false): void {
    this.load(keep);
    this.host.requestUpdate();
  }

  private load(keep: boolean): void {
    this.abort?.abort();
    const { what, required } = this.options;
    const raw = this.options.value();
    const url = this.options.url();
    if (raw !== undefined) {
      this.accept(raw, 'the property');
      return;
    }
    if (!url) {
      this.refreshing = false;
      if (!required) this.state = { status: 'idle' };
      else {
        console.warn(`ouderstem: ${what} has no source: set ${required}`);
        this.state = { status: 'invalid', error: new DefinitionError('', 'missing') };
      }
      return;
    }
    this.refreshing = keep && this.state.status === 'ready';
    if (!this.refreshing) this.state = { status: 'loading' };
    const abort = (this.abort = new AbortController());
    fetchJson(url, abort.signal).then(
      (fetched) => {
        if (abort.signal.aborted) return;
        this.accept(fetched, url);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof DefinitionError) {
          // A file that arrived but is no JSON is the web editor's to fix, not the connection's.
          this.accept(undefined, url, error);
        } else {
          const failure = error instanceof LoadError ? error.failure : { url };
          console.warn(describeLoadFailure(failure));
          // A refresh that fails leaves the value on screen as it was.
          if (!this.refreshing) this.state = { status: 'failed', failure };
          this.refreshing = false;
        }
        this.host.requestUpdate();
      },
    );
  }

  private accept(raw: unknown, from: string, error?: DefinitionError): void {
    this.refreshing = false;
    try {
      if (error) throw error;
      this.state = { status: 'ready', value: this.options.parse(raw) };
    } catch (thrown) {
      // A shape no reader foresaw still gets a message, never a broken widget.
      const problem = thrown instanceof DefinitionError ? thrown : new DefinitionError('', 'unreadable');
      if (problem !== thrown) console.error('ouderstem: could not read the data', thrown);
      console.warn(`ouderstem: ${this.options.what} from ${from} cannot be used: ${problem.message}`);
      this.state = { status: 'invalid', error: problem };
    }
  }
}

/** What a widget offers the definition controller. */
export interface DefinitionSource extends ReactiveControllerHost {
  /** A definition object set as a property: wins over any URL. */
  readonly definition?: unknown;
  /** URL to GET the definition from (`src`, else `endpoint`). */
  readonly definitionUrl?: string;
}

/**
 * A widget's definition: from its `definition` property, `src`, or a GET of `endpoint`, checked
 * with the widget's parser. Without any of the three it is invalid, and says so on the console.
 * `onReady` runs once per new definition, before it is first rendered.
 */
export class DefinitionController<T> extends ResourceController<T> {
  constructor(host: DefinitionSource, parse: (raw: unknown) => T, onReady: (definition: T) => void) {
    super(host, {
      what: 'the definition',
      value: () => host.definition,
      url: () => host.definitionUrl,
      parse,
      onReady,
      required: 'src, endpoint or the definition property',
    });
  }

  get definition(): T | undefined {
    return this.value;
  }
}
