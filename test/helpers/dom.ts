import type { LitElement } from 'lit';

/**
 * Reading and using a widget the way the tests do: everything lives in its one shadow root.
 */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** All text of the widget, white space folded. */
export const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Clicks the radio button or checkbox with this id. */
export async function pick(el: LitElement, id: string): Promise<void> {
  $<HTMLInputElement>(el, `#${id}`).click();
  await el.updateComplete;
}

/** Puts a value in a text field as typing does (one input event). */
export async function type(el: LitElement, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

export async function submit(el: LitElement): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
}

/** What `console.warn` said while `run` ran (and is still said to the real console). */
export async function consoleWarnings(run: () => unknown): Promise<string[]> {
  const said: string[] = [];
  const original = console.warn;
  console.warn = (...parts: unknown[]) => {
    said.push(parts.map(String).join(' '));
    original.apply(console, parts);
  };
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return said;
}
