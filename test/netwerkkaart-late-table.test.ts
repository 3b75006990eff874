import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import gebieden from '../data/gebieden-2025.json';
import '../src/netwerkkaart/index.js';
import type { OuderNetwerkkaart } from '../src/netwerkkaart/ouder-netwerkkaart.js';
import { FakeServer, until } from './helpers/server.js';

// Its own file, so its own page: the gazetteer is fetched once per page, and here it arrives late.
describe('<ouder-netwerkkaart> when the gazetteer arrives after the parent searched', () => {
  it('answers again with it, and chooses the network it finds', async () => {
    const server = new FakeServer();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      server.on('GET', new URL('/data/gebieden-2025.json', location.origin).href, async () => {
        await held;
        return { status: 200, body: gebieden };
      });
      const networks = { networks: [{ id: 'h', name: 'Jeugdnetwerk Haaglanden', type: 'oudersraad', areas: ['JZ24'], location: { lat: 52.03, lon: 4.42 } }] };
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart .definition=${networks}></ouder-netwerkkaart>`);
      await until(() => !!el.shadowRoot!.querySelector('#place'));
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#place')!;
      input.value = 'Zoetermeer';
      input.dispatchEvent(new Event('input'));
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.result h2')!.textContent!.trim()).to.equal('Voor Zoetermeer is nog geen netwerk bekend.');
      const selected = oneEvent(el, 'ouder-select');
      release();
      expect((await selected).detail.network.id).to.equal('h');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.result h2')!.textContent!.trim()).to.equal('Voor Zoetermeer:');
      expect(el.shadowRoot!.querySelector('.result .via')!.textContent!.trim()).to.equal('Zoetermeer hoort bij jeugdregio Haaglanden');
    } finally {
      server.restore();
    }
  });
});
