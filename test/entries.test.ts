// One widget's entry alone, as `import 'ouderstem/peiling'` loads it: <ouder-config> is not part of
// it. A widget inside an unregistered <ouder-config> says so on the console; `ouderstem/config`
// (src/register-config.ts) makes the wrapper work.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/peiling/index.js';
import type { OuderPeiling } from '../src/peiling/ouder-peiling.js';

describe('a single widget entry', () => {
  it('registers its widget only, and warns when it sits in an <ouder-config> nobody registered', async () => {
    expect(customElements.get('ouder-peiling')).to.not.equal(undefined);
    expect(customElements.get('ouder-config')).to.equal(undefined);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      await fixture(html`<ouder-config endpoint="https://api.example.org/p"><ouder-peiling></ouder-peiling></ouder-config>`);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((warning) => warning.includes("import 'ouderstem/config'"))).to.equal(true);
  });

  it('with ouderstem/config imported too, the wrapper gives the widget its settings', async () => {
    await import('../src/register-config.js');
    const config = await fixture(html`<ouder-config endpoint="https://api.example.org/p" lang="en"><ouder-peiling></ouder-peiling></ouder-config>`);
    const widget = config.querySelector<OuderPeiling>('ouder-peiling')!;
    await widget.updateComplete;
    expect(widget.submitUrl).to.equal('https://api.example.org/p');
    expect(widget.language).to.equal('en');
  });
});
