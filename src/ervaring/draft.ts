import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type StorageKind, Store } from '../core/storage.js';

/**
 * Keeps a draft of a form on the device while the parent types, under `ouderstem:draft:<formId>`
 * in sessionStorage (default) or localStorage, so a closed tab or a crash loses no words.
 * Writes wait until typing pauses; a pending write is done at once when the page is hidden or
 * the element leaves the page. Not tied to one widget: a candidate for the core.
 */
export class DraftController<T> implements ReactiveController {
  private store?: Store;
  private key = '';
  private pending?: T;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly delay = 500,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flush);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.flush);
    this.flush();
  }

  /** Points the controller at a form's draft; `kind` undefined keeps nothing at all. */
  use(formId: string, kind: StorageKind | undefined): void {
    this.flush();
    this.key = `draft:${formId}`;
    this.store = kind ? new Store(kind) : undefined;
  }

  /** The stored draft, unchecked: the widget reads it defensively. */
  load(): unknown {
    return this.store?.read<unknown>(this.key);
  }

  /** Saves `value` once typing pauses. */
  save(value: T): void {
    if (!this.store) return;
    this.pending = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, this.delay);
  }

  /** Writes a pending draft now. */
  flush = (): void => {
    clearTimeout(this.timer);
    if (this.pending !== undefined) this.store?.write(this.key, this.pending);
    this.pending = undefined;
  };

  /** Forgets the draft (discarded, or sent). */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.store?.remove(this.key);
  }
}
