import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/elements/beheer-form.js';
import type { BeheerForm } from '../src/elements/beheer-form.js';
import type { Me } from '../src/api.js';

const axe = (globalThis as unknown as { axe: typeof Axe }).axe;

/** The console's stylesheet, as index.html loads it: contrast, target sizes and reflow depend on it. */
export async function withStyles(): Promise<void> {
  if (document.querySelector('link[data-beheer]')) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/server/beheer/beheer.css' });
  link.dataset.beheer = '';
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
  document.head.append(link);
  await loaded;
  document.documentElement.lang = 'nl';
  document.title = 'Ouderstem beheer (component test)';
}

/** Renders a part of the console as its page does: inside `<main>` under an `<h1>`. */
export async function onPage<T extends Element>(template: TemplateResult, heading = 'Formulier'): Promise<T> {
  await withStyles();
  const main = await fixture<HTMLElement>(html`<main><h1>${heading}</h1>${template}</main>`);
  const element = main.querySelector('h1 + *') as T & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
}

/**
 * The strict gate, on the whole document (the console is a page, not a widget in someone
 * else's): axe-core run directly, violations AND incomplete, WCAG 2.0–2.2 A and AA and best
 * practices, every rule on.
 */
export async function expectAccessible(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations', 'incomplete'],
  });
  const problems = [...results.violations, ...results.incomplete].map(
    (result) => `${result.id}: ${result.help} (${result.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary}` : ''}`).join('; ')})`,
  );
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

/** At 320 CSS px nothing makes the page scroll sideways, and nothing sticks out of it (WCAG 1.4.10). */
export async function expectReflow(root: Element): Promise<void> {
  await setViewport({ width: 320, height: 800 });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  const width = document.documentElement.clientWidth;
  // Inside a box that clips it (visually hidden text, a hidden table header) nothing shows outside.
  const clipped = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if ((style.overflowX !== 'visible' || style.clipPath !== 'none') && parent.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const sticking = [...root.querySelectorAll<HTMLElement>('*')]
    .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 1)
    .filter((element) => !clipped(element))
    .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`);
  await setViewport({ width: 1024, height: 768 });
  expect({ overflow, sticking: sticking.slice(0, 5) }).to.deep.equal({ overflow: 0, sticking: [] });
}

/** Types into a field as a person does: the value, then input and change events. */
export async function typeInto(field: Element | null, value: string): Promise<void> {
  if (!field) throw new Error('no such field');
  const control = field as HTMLInputElement;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T | null;

/** The button whose visible text starts with `text` (in `root`). */
export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent!.trim().replace(/\s+/g, ' ').startsWith(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

export async function settle(element: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

// --- the form page ---------------------------------------------------------------------

export const me = (role: Me['user']['role'] = 'redacteur'): Me => ({
  user: { id: 'u2', email: 'bram@voorbeeldstad.nl', name: 'Bram Jansen', role },
  organisation: { id: 'org1', name: 'Gemeente Voorbeeldstad', privacyUrl: 'https://www.voorbeeldstad.nl/privacy', allowedOrigins: [] },
});

export async function newForm(type: string): Promise<BeheerForm> {
  const element = await onPage<BeheerForm>(html`<beheer-form new-type=${type} .me=${me()} widgets-url="/src/index.ts"></beheer-form>`);
  await settle(element);
  return element;
}

export async function existingForm(id: string, view = 'bewerken', role: Me['user']['role'] = 'redacteur'): Promise<BeheerForm> {
  const element = await onPage<BeheerForm>(html`<beheer-form form-id=${id} view=${view} .me=${me(role)} widgets-url="/src/index.ts"></beheer-form>`);
  for (let i = 0; i < 20 && element.querySelector('[role=status]')?.textContent?.includes('laden'); i++) await settle(element);
  await settle(element);
  return element;
}

/** The preview's widget, once it has rendered the definition. */
export async function previewWidget(element: HTMLElement, tag = 'ouder-peiling'): Promise<HTMLElement & { definition: unknown; updateComplete: Promise<boolean> }> {
  for (let i = 0; i < 100; i++) {
    const widget = element.querySelector<HTMLElement & { definition: unknown; updateComplete: Promise<boolean> }>(`beheer-preview ${tag}`);
    if (widget?.shadowRoot?.querySelector('h2, form, [part=list]')) return widget;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the preview did not render');
}

