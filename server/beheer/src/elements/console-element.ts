import { LitElement } from 'lit';

/**
 * The console's elements render into the page itself, not into a shadow root: the console is a
 * whole application with one stylesheet (beheer.css), and its labels, hints, error messages and
 * error summaries must be able to point at fields in other elements by id, which ARIA references
 * cannot do across shadow roots.
 */
export class ConsoleElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
