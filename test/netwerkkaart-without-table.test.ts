import { expect, fixture, html } from '@open-wc/testing';
import '../src/netwerkkaart/index.js';
import type { OuderNetwerkkaart } from '../src/netwerkkaart/ouder-netwerkkaart.js';
import demo from './fixtures/netwerkkaart.json';
import { FakeServer, until } from './helpers/server.js';

// Its own file, so its own page: the gazetteer is fetched once per page, and here it is missing,
// as on a site that copied only dist/ouderstem.js and not the data/ folder beside it.
describe('<ouder-netwerkkaart> without the gazetteer beside its script', () => {
  it('says so on the console and still finds the networks by the names in their own file', async () => {
    const server = new FakeServer();
    const said: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => said.push(args.join(' '));
    try {
      server.on('GET', 'https://api.example.org/networks', { status: 200, body: demo });
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint="https://api.example.org/networks"></ouder-netwerkkaart>`);
      const table = new URL('/data/gebieden-2025.json', location.origin).href;
      await until(() => said.some((line) => line.includes(table)), 3000, 'the warning');
      expect(said.find((line) => line.includes(table))).to.match(
        /^ouderstem: the search knows only the names in the networks file \(could not load \S+: 404\b.*\): put the package's data\/ folder next to its dist\/ folder/,
      );
      await until(() => !!el.shadowRoot!.querySelector('#place'), 3000, 'the networks');
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#place')!;
      input.value = 'rijswijk';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.result h2')!.textContent!.trim()).to.equal('Voor Rijswijk:');
      input.value = 'Zoetermeer';
      input.dispatchEvent(new Event('input'));
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.result')!.textContent).to.contain('Staat de naam goed geschreven?');
    } finally {
      console.warn = warn;
      server.restore();
    }
  });
});
