/**
 * Defines a custom element unless this page already has one by that name, so two Ouderstem
 * bundles on one page (a CMS block and a theme, say) never throw.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

const attributes = ['endpoint', 'src', 'lang', 'register', 'heading-level', 'privacy-url', 'storage', 'regions', 'regions-src'];

/**
 * Some CMS editors strip unknown tags but keep `<div data-…>`. This turns
 * `<div data-ouderstem="peiling" data-endpoint="…">fallback</div>` into the widget: the
 * `<ouder-peiling>` goes inside the div (so the CMS's own markup stays), with every `data-`
 * attribute above copied. The fallback moves into the widget, which shows it again only when it
 * cannot load, as with the tag itself.
 */
export function upgradeCompatibilityMarkup(root: ParentNode = document): void {
  for (const host of root.querySelectorAll<HTMLElement>('[data-ouderstem]:not([data-ouderstem-upgraded])')) {
    const tag = `ouder-${host.dataset.ouderstem}`;
    if (!customElements.get(tag)) continue;
    const widget = document.createElement(tag);
    for (const name of attributes) {
      const value = host.getAttribute(`data-${name}`);
      if (value !== null) widget.setAttribute(name, value);
    }
    host.setAttribute('data-ouderstem-upgraded', '');
    widget.append(...host.childNodes);
    host.replaceChildren(widget);
  }
}

/** Upgrades compatibility markup now and whenever the page adds more. */
export function watchCompatibilityMarkup(): void {
  const run = () => upgradeCompatibilityMarkup();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
  new MutationObserver(run).observe(document.documentElement, { childList: true, subtree: true });
}
