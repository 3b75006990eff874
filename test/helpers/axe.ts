import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import { expect } from '@open-wc/testing';

/**
 * The strict accessibility gate: axe run directly on the element (its shadow root included),
 * failing on violations AND on "incomplete" results (things axe could not decide), for WCAG
 * 2.0/2.1/2.2 A and AA plus best practices. `chai-a11y-axe` drops "incomplete", so it is not used.
 */
const axe = (globalThis as unknown as { axe: typeof Axe }).axe;

export async function expectAccessible(element: Element, allow: string[] = []): Promise<void> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations', 'incomplete'],
    // The widget is one region of a host page: page-level rules belong to the page.
    rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
  });
  const problems = [...results.violations, ...results.incomplete]
    .filter((result) => !allow.includes(result.id))
    .map((result) => `${result.id}: ${result.help} (${result.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(problems, problems.join('\n')).to.deep.equal([]);
}
