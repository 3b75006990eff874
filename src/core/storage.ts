/**
 * The only place that touches Web Storage. Every key starts with `ouderstem:`; the README lists
 * them. Storage can be switched off (`storage="none"`) or unavailable (private modes, blocked
 * cookies): then reads find nothing and writes are dropped, and the widgets still work.
 */
export const storagePrefix = 'ouderstem:';

export type StorageKind = 'local' | 'session';

export class Store {
  constructor(
    private readonly kind: StorageKind,
    private readonly enabled = true,
  ) {}

  get available(): boolean {
    return this.area !== undefined;
  }

  read<T>(key: string): T | undefined {
    const raw = this.area?.getItem(storagePrefix + key);
    if (raw == null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  write(key: string, value: unknown): void {
    try {
      this.area?.setItem(storagePrefix + key, JSON.stringify(value));
    } catch {
      // Quota exceeded or storage blocked: the widget goes on without persistence.
    }
  }

  remove(key: string): void {
    try {
      this.area?.removeItem(storagePrefix + key);
    } catch {
      // Blocked storage has nothing to remove.
    }
  }

  private get area(): Storage | undefined {
    if (!this.enabled) return undefined;
    try {
      return this.kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    } catch {
      return undefined;
    }
  }
}
