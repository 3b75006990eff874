import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from './i18n/index.js';
import type { LocalizedText, Option } from './schema-types.js';

/** A definition that does not follow its schema; `path` names the field for the web editor. */
export class DefinitionError extends Error {
  constructor(
    readonly path: string,
    readonly problem: Exclude<keyof Translation['problems'], 'oneOf'> | { oneOf: readonly string[] },
  ) {
    super(`${path}: ${typeof problem === 'string' ? problem : `one of ${problem.oneOf.join(', ')}`}`);
  }

  describe(t: Translation): string {
    const problem =
      typeof this.problem === 'string' ? t.problems[this.problem] : t.problems.oneOf(this.problem.oneOf.join(', '));
    return t.invalidDefinition(this.path || 'definition', problem);
  }
}

// Small readers that check one value and say where it went wrong. Each widget builds its
// definition parser from these, mirroring its JSON Schema in schemas/.
export type Fields = Record<string, unknown>;

export function readObject(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DefinitionError(path, value === undefined ? 'missing' : 'notObject');
  }
  return value as Fields;
}

export function readList(value: unknown, path: string, { optional = false, nonEmpty = false } = {}): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new DefinitionError(path, value === undefined ? 'missing' : 'notList');
  if (nonEmpty && value.length === 0) throw new DefinitionError(path, 'missing');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DefinitionError(path, value === undefined || value === '' ? 'missing' : 'notText');
  }
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : readString(value, path);
}

export function readText(value: unknown, path: string): LocalizedText {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) throw new DefinitionError(path, 'missing');
    for (const [language, text] of entries) readString(text, `${path}.${language}`);
    return value as LocalizedText;
  }
  return readString(value, path);
}

export function readOptionalText(value: unknown, path: string): LocalizedText | undefined {
  return value === undefined ? undefined : readText(value, path);
}

export function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DefinitionError(path, value === undefined ? 'missing' : 'notNumber');
  }
  return value;
}

export function readOptionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined ? undefined : readNumber(value, path);
}

export function readOptionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new DefinitionError(path, 'notBoolean');
}

export function readOptionalDate(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new DefinitionError(path, 'notDate');
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (value === undefined) throw new DefinitionError(path, 'missing');
  if (!choices.includes(value as T)) throw new DefinitionError(path, { oneOf: choices });
  return value as T;
}

/** A list of `{ value, label }` with unique values. */
export function readOptions(value: unknown, path: string, { optional = false, nonEmpty = false } = {}): Option[] {
  const seen = new Set<string>();
  return readList(value, path, { optional, nonEmpty }).map((item, index) => {
    const at = `${path}[${index}]`;
    const fields = readObject(item, at);
    const optionValue = readString(fields.value, `${at}.value`);
    if (seen.has(optionValue)) throw new DefinitionError(`${at}.value`, 'duplicate');
    seen.add(optionValue);
    return { value: optionValue, label: readText(fields.label, `${at}.label`) };
  });
}

/** Throws when two items share an id. */
export function requireUniqueIds(items: readonly { id: string }[], path: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) throw new DefinitionError(`${path}[${index}].id`, 'duplicate');
    seen.add(item.id);
  });
}

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

/** The reason for the web editor, on the console: the parent sees one plain sentence and the fallback. */
export function describeLoadFailure(failure: LoadFailure): string {
  const { url, httpStatus } = failure;
  const reason =
    httpStatus === undefined
      ? 'a network error: the server cannot be reached, or it does not allow this site (CORS)'
      : httpStatus === 403
        ? `403: this site (${location.origin}) is not allowed for this form; add it to the allowed origins in the console (beheer)`
        : httpStatus === 404 || httpStatus === 410
          ? `${httpStatus}: the server knows no such form (check the address, and that the form is published)`
          : `${httpStatus} from the server`;
  return `ouderstem: could not load ${url}: ${reason}`;
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

export type DefinitionState<T> =
  | { status: 'loading' }
  | { status: 'failed'; failure: LoadFailure }
  | { status: 'invalid'; error: DefinitionError }
  | { status: 'ready'; definition: T };

/** What a widget offers the definition controller. */
export interface DefinitionSource extends ReactiveControllerHost, EventTarget {
  /** A definition object set as a property: wins over any URL. */
  readonly definition?: unknown;
  /** URL to GET the definition from (`src`, else `endpoint`). */
  readonly definitionUrl?: string;
}

/**
 * Loads a widget's definition from its `definition` property, `src`, or a GET of `endpoint`,
 * checks it with the widget's parser, and keeps the loading / failed / invalid / ready state.
 */
export class DefinitionController<T> implements ReactiveController {
  state: DefinitionState<T> = { status: 'loading' };

  /** What the current state was loaded from; a fresh symbol so the first update always loads. */
  private loadedFrom: unknown = Symbol('not loaded');
  private announced?: T;
  private abort?: AbortController;

  /**
   * @param onReady called once per new definition, during the update that first renders it
   *   (before rendering): the place to set up state for it. Fire `ouder-ready` after the render.
   */
  constructor(
    private readonly host: DefinitionSource,
    private readonly parse: (raw: unknown) => T,
    private readonly onReady: (definition: T) => void,
  ) {
    host.addController(this);
  }

  get definition(): T | undefined {
    return this.state.status === 'ready' ? this.state.definition : undefined;
  }

  hostUpdate(): void {
    const source = this.host.definition ?? this.host.definitionUrl;
    if (source !== this.loadedFrom) {
      this.loadedFrom = source;
      this.load();
    }
    // A new definition: the widget sets up its state for it (a restored draft, a queued answer)
    // in this same update, so the first render already shows it and no second update follows.
    if (this.state.status === 'ready' && this.state.definition !== this.announced) {
      this.announced = this.state.definition;
      this.onReady(this.state.definition);
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.loadedFrom = Symbol('not loaded');
  }

  /** Loads again (the "probeer opnieuw" button). */
  reload(): void {
    this.load();
    this.host.requestUpdate();
  }

  /** Replaces the definition with a newer one (for example live state from the server). */
  replace(raw: unknown): void {
    this.accept(raw);
    this.host.requestUpdate();
  }

  private load(): void {
    this.abort?.abort();
    const { definition, definitionUrl } = this.host;
    if (definition !== undefined) {
      this.accept(definition);
      return;
    }
    if (!definitionUrl) {
      this.state = { status: 'invalid', error: new DefinitionError('src / endpoint', 'missing') };
      return;
    }
    this.state = { status: 'loading' };
    const abort = (this.abort = new AbortController());
    fetchJson(definitionUrl, abort.signal).then(
      (raw) => {
        if (abort.signal.aborted) return;
        this.accept(raw);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        // A file that arrived but is no JSON is the web editor's to fix, not the connection's.
        if (error instanceof DefinitionError) this.state = { status: 'invalid', error };
        else {
          const failure = error instanceof LoadError ? error.failure : { url: definitionUrl };
          console.warn(describeLoadFailure(failure));
          this.state = { status: 'failed', failure };
        }
        this.host.requestUpdate();
      },
    );
  }

  private accept(raw: unknown): void {
    try {
      this.state = { status: 'ready', definition: this.parse(raw) };
    } catch (error) {
      // A shape no reader foresaw still gets a message, never a broken widget.
      if (!(error instanceof DefinitionError)) console.error('ouderstem: could not read the data', error);
      this.state = { status: 'invalid', error: error instanceof DefinitionError ? error : new DefinitionError('', 'unreadable') };
    }
  }
}
