import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import gebieden from '../data/gebieden-2025.json';
import gemeenten from '../data/gemeenten-2025.topo.json';
import jeugdregios from '../data/jeugdregios-2025.topo.json';
import '../src/netwerkkaart/index.js';
import type { OuderNetwerkkaart } from '../src/netwerkkaart/ouder-netwerkkaart.js';
import demo from './fixtures/netwerkkaart.json';
import broken from './fixtures/netwerkkaart-malformed.json';
import demoRegions from './fixtures/netwerkkaart-regions.json';
import { upgradeCompatibilityMarkup } from '../src/core/register.js';
import { expectAccessible } from './helpers/axe.js';
import { consoleWarnings } from './helpers/dom.js';
import { FakeServer, until } from './helpers/server.js';

const endpoint = 'https://api.example.org/networks';
const regionsUrl = 'https://api.example.org/gemeenten.json';
/** Where the widget finds the shipped data: beside its script (here src/, so /data/ of the repository). */
const dataUrl = (file: string) => new URL(`/data/${file}`, location.origin).href;

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer();
  server.on('GET', dataUrl('gebieden-2025.json'), { status: 200, body: gebieden });
  server.on('GET', dataUrl('jeugdregios-2025.topo.json'), { status: 200, body: jeugdregios });
  server.on('GET', dataUrl('gemeenten-2025.topo.json'), { status: 200, body: gemeenten });
  server.on('GET', regionsUrl, { status: 200, body: demoRegions });
});

afterEach(async () => {
  server.restore();
  await setViewport({ width: 800, height: 600 });
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A network as the tests need one. */
const network = (fields: object) => ({ type: 'oudersraad', location: { lat: 52.07, lon: 4.3 }, ...fields });
/** The demo networks plus one that serves jeugdregio Haaglanden by code. */
const withHaaglanden = {
  ...demo,
  networks: [...demo.networks, network({ id: 'jeugd-haaglanden', name: 'Jeugdnetwerk Haaglanden', areas: ['JZ24'], location: { lat: 52.03, lon: 4.42 } })],
};

/** The widget with the demo networks (and, if asked, boundaries), the gazetteer loaded and the map measured. */
async function kaart({ definition = demo as unknown, regions = '', regionsSrc = '', lang = 'nl' } = {}): Promise<OuderNetwerkkaart> {
  server.on('GET', endpoint, { status: 200, body: definition });
  const el = await fixture<OuderNetwerkkaart>(
    html`<ouder-netwerkkaart endpoint=${endpoint} lang=${lang} regions=${regions} regions-src=${regionsSrc}></ouder-netwerkkaart>`,
  );
  await until(() => !!el.shadowRoot!.querySelector('.networks, .panel, p'), 3000, 'definition');
  await until(() => !!el.places.gazetteer, 3000, 'gazetteer');
  if (regions || regionsSrc) await until(() => el.shadowRoot!.querySelectorAll('.region').length > 0, 3000, 'regions');
  await frame();
  await frame();
  await el.updateComplete;
  return el;
}

async function type(el: OuderNetwerkkaart, value: string) {
  const input = $<HTMLInputElement>(el, '#place');
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function search(el: OuderNetwerkkaart, value: string) {
  await type(el, value);
  $<HTMLFormElement>(el, 'form').requestSubmit();
  await el.updateComplete;
}

const marker = (el: OuderNetwerkkaart, label: string) => $<SVGGElement>(el, `.marker[aria-label^="${label}"]`);
const listItem = (el: OuderNetwerkkaart, name: string) =>
  $$(el, '.list .network').find((item) => text(item.querySelector('h3')!) === name)!;
const activeElement = (el: OuderNetwerkkaart) => el.shadowRoot!.activeElement;
const answer = (el: OuderNetwerkkaart) => text($(el, '.result h2'));
const found = (el: OuderNetwerkkaart) => $$(el, '.result .network h3').map(text);
const spoken = (el: OuderNetwerkkaart) => text($(el, '.search ~ [role=status]'));

async function clickMarker(el: OuderNetwerkkaart, label: string) {
  marker(el, label).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Collects console.warn while `body` runs. */
async function warnings(body: () => Promise<unknown>): Promise<string[]> {
  const said: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => said.push(args.join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return said;
}

describe('<ouder-netwerkkaart>', () => {
  describe('accessibility', () => {
    it('has no axe violations or incomplete results: list, map, boundaries and the credit', async () => {
      const el = await kaart({ regions: 'jeugdregio' });
      await expectAccessible(el);
    });

    it('draws all 42 jeugdregio’s and all 342 gemeenten of the shipped files, each with its CBS code and name, axe clean', async () => {
      for (const [layer, count, code] of [
        ['jeugdregio', 42, /^JZ\d\d$/],
        ['gemeente', 342, /^GM\d{4}$/],
      ] as const) {
        const el = await kaart({ regions: layer });
        await until(() => $$(el, '.region').length === count, 5000, `${count} regions`);
        const regions = $$(el, '.region');
        expect(regions.every((region) => code.test(region.getAttribute('data-key')!)), layer).to.equal(true);
        expect(new Set(regions.map((region) => region.getAttribute('data-key'))).size).to.equal(count);
        expect(regions.every((region) => region.querySelector('title')!.textContent!.trim() !== '')).to.equal(true);
        expect($$(el, '#area option')).to.have.length(count + 1);
        expect(text($(el, '.credit'))).to.equal('Bron: CBS, Kadaster (CC BY 4.0)');
        expect(server.requests.map((request) => request.url)).to.include(dataUrl(`${layer === 'gemeente' ? 'gemeenten' : 'jeugdregios'}-2025.topo.json`));
        await expectAccessible(el);
      }
    });

    it('… with the suggestions open and one active', async () => {
      const el = await kaart();
      await type(el, 'del');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($(el, '#place').getAttribute('aria-expanded')).to.equal('true');
      await expectAccessible(el);
    });

    it('… with every kind of answer: found, through a region, which one, a postcode, nearest, unknown', async () => {
      const el = await kaart({ definition: withHaaglanden, regions: 'jeugdregio' });
      for (const typed of ['Rijswijk', 'Zoetermeer', 'Bergen', '2511', 'Pijnacker-Nootdorp', 'Haarlemmerliede', 'Atlantis']) {
        await search(el, typed);
        await expectAccessible(el);
      }
    });

    it('… zoomed in on a chosen network, with a filter and an open group', async () => {
      const el = await kaart({ regions: 'jeugdregio' });
      listItem(el, 'Ervaringsdeskundigen Twente').querySelector('button')!.click();
      await el.updateComplete;
      expect(marker(el, '2 netwerken'), 'Haaglanden is out of view').to.equal(null);
      await expectAccessible(el);
      $<HTMLButtonElement>(el, '.whole-map').click();
      await el.updateComplete;
      await clickMarker(el, '2 netwerken');
      $$<HTMLButtonElement>(el, '#map-group button')[1].click();
      await el.updateComplete;
      await expectAccessible(el);
      const select = $<HTMLSelectElement>(el, '#filter');
      select.value = 'oudersraad';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await expectAccessible(el);
    });

    it('… while loading, after a failed load, with nothing to show, and in Arabic', async () => {
      server.on('GET', endpoint, () => new Promise(() => {}));
      const loading = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      await expectAccessible(loading);

      server.on('GET', endpoint, { status: 500 });
      const failed = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      await until(() => !!failed.shadowRoot!.querySelector('[role=alert]'));
      await expectAccessible(failed);

      const empty = await kaart({ definition: { networks: [{ id: 'x', name: 'X' }] } });
      await expectAccessible(empty);

      const arabic = await kaart({ lang: 'ar', regions: 'jeugdregio' });
      await search(arabic, 'Den Haag');
      await expectAccessible(arabic);
    });

    it('names its search landmark', async () => {
      const el = await kaart();
      const landmark = $(el, '[role=search]');
      expect(landmark.getAttribute('aria-labelledby')).to.equal('place-label');
      expect(text($(el, '#place-label'))).to.equal('Zoek je gemeente');
    });
  });

  describe('definition loading', () => {
    it('GETs the networks from endpoint and the gazetteer beside its script, shows all networks, and fires ouder-ready', async () => {
      server.on('GET', endpoint, { status: 200, body: demo });
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      expect(text($(el, '[role=status]'))).to.equal('Even laden…');
      const { detail } = await oneEvent(el, 'ouder-ready');
      expect((detail.definition as { networks: unknown[] }).networks).to.have.length(8);
      await el.updateComplete;
      expect($$(el, '.list .network')).to.have.length(8);
      expect(text($(el, '.list .count'))).to.equal('8 netwerken');
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).to.include(`GET ${endpoint}`);
      expect(server.requests.every((r) => r.url === endpoint || r.url.startsWith(dataUrl('')))).to.equal(true);
    });

    it('draws the jeugdregio’s from the compatibility markup a CMS keeps: <div data-ouderstem="netwerkkaart" data-regions="jeugdregio">', async () => {
      server.on('GET', endpoint, { status: 200, body: demo });
      const host = await fixture(html`<div data-ouderstem="netwerkkaart" data-endpoint=${endpoint} data-regions="jeugdregio"></div>`);
      upgradeCompatibilityMarkup(host.parentNode!);
      const el = host.querySelector('ouder-netwerkkaart')!;
      expect(el.getAttribute('regions')).to.equal('jeugdregio');
      await until(() => el.shadowRoot!.querySelectorAll('.region').length === 42, 3000, '42 jeugdregio’s');
    });

    it('takes a definition property, and accepts a GeoJSON FeatureCollection', async () => {
      const features = {
        type: 'FeatureCollection',
        features: demo.networks.map(({ location, ...properties }) => ({
          type: 'Feature',
          geometry: location ? { type: 'Point', coordinates: [location.lon, location.lat] } : null,
          properties,
        })),
      };
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart .definition=${features}></ouder-netwerkkaart>`);
      await frame();
      await el.updateComplete;
      expect($$(el, '.list .network')).to.have.length(8);
      expect($$(el, '.marker').length).to.be.greaterThan(4);
      expect(server.requests.filter((r) => r.url === endpoint)).to.deep.equal([]);
    });

    it('offers "probeer opnieuw" after a failed load, and loads on retry', async () => {
      server.on('GET', endpoint, { status: 503 }, { status: 200, body: demo });
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      await until(() => !!el.shadowRoot!.querySelector('[role=alert] button'));
      $<HTMLButtonElement>(el, '[role=alert] button').click();
      await until(() => $$(el, '.list .network').length === 8);
    });

    it('says the network file is no JSON instead of blaming the connection', async () => {
      server.on('GET', endpoint, { status: 200, raw: 'networks:\n  - name: Oudersraad' });
      const warnings = await consoleWarnings(async () => {
        const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
        await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
      });
      const el = document.querySelector('ouder-netwerkkaart')!;
      expect(text($(el, '[role=alert]'))).to.contain('Dit onderdeel is nu niet beschikbaar.');
      expect(warnings.join('\n'), 'the file is named on the console').to.contain(`${endpoint}: not valid JSON`);
      expect($$(el, '[role=alert] button'), 'no "probeer opnieuw": trying again will not help').to.have.length(0);
    });

    it('names the problem when the file has no list of networks at all', async () => {
      const warnings = await consoleWarnings(() => kaart({ definition: { netwerken: [] } }));
      const el = document.querySelector('ouder-netwerkkaart')!;
      expect(text($(el, '[role=alert]'))).to.contain('Dit onderdeel is nu niet beschikbaar.');
      expect(warnings.join('\n')).to.contain('networks: missing');
    });
  });

  describe('data problems go to the web editor, never to parents', () => {
    it('shows the networks that are fine, and names each problem on the console, with the file', async () => {
      let el!: OuderNetwerkkaart;
      const said = await warnings(async () => {
        el = await kaart({ definition: broken });
      });
      expect($$(el, '.list .network h3').map(text)).to.deep.equal(['Oudersraad Haaglanden', 'Buurtnetwerk Oost', 'Zonder plek']);
      expect(text(el.shadowRoot!)).not.to.match(/networks\[|overgeslagen|weggelaten|ontbreekt/);
      expect($$(el, '[part=problems]')).to.deep.equal([]);
      for (const line of [
        `ouderstem: ${endpoint}: networks[1].type: missing, skipped`,
        `ouderstem: ${endpoint}: networks[2].id: duplicate, skipped`,
        `ouderstem: ${endpoint}: networks[3].website: notLink, left out`,
        `ouderstem: ${endpoint}: networks[3].type: unknownType`,
      ]) {
        expect(said).to.include(line);
      }
    });

    it('names on the console what the gazetteer cannot place: "Bergen", a former gemeente, an unknown name or code', async () => {
      const said = await warnings(() =>
        kaart({
          definition: { networks: [network({ id: 'a', name: 'A', gemeenten: ['Bergen', 'Haaren', 'Atlantis'], areas: ['JZ40'] })] },
        }),
      );
      expect(said).to.include(
        `ouderstem: ${endpoint}: networks[0] names no single gemeente or area of 2025: "Bergen", "Haaren", "Atlantis", "JZ40" (ouderstem-server check-networks FILE says what to write)`,
      );
    });

    it('with nothing it can show: one plain sentence, and the web editor’s fallback', async () => {
      server.on('GET', endpoint, { status: 200, body: { networks: [{ id: 'x' }, 'kapot'] } });
      const el = await fixture<OuderNetwerkkaart>(
        html`<ouder-netwerkkaart endpoint=${endpoint}><p>Bekijk de <a href="/netwerken">lijst met netwerken</a>.</p></ouder-netwerkkaart>`,
      );
      await until(() => text(el.shadowRoot!).includes('Er zijn nog geen netwerken bekend.'));
      expect(text($(el, '.root'))).to.equal('Er zijn nog geen netwerken bekend.');
      const slot = $<HTMLSlotElement>(el, 'slot');
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Bekijk de lijst met netwerken.']);
    });

    it('draws what it can of a bad boundaries file, says the rest on the console, and survives a failed one', async () => {
      server.on('GET', regionsUrl, {
        status: 200,
        body: { type: 'FeatureCollection', features: [...demoRegions.features, { properties: { naam: 'RD' }, geometry: { type: 'Point', coordinates: [1, 2] } }] },
      });
      const said = await warnings(async () => {
        const el = await kaart({ regionsSrc: regionsUrl });
        await until(() => $$(el, '.region').length === demoRegions.features.length);
        expect(text(el.shadowRoot!)).not.to.contain('features[7]');
      });
      expect(said).to.include(`ouderstem: regions ${regionsUrl}: features[7].geometry: notPolygon, skipped`);

      server.on('GET', regionsUrl, { status: 404 });
      const failed = await kaart({});
      failed.regionsSrc = regionsUrl;
      await until(() => server.requests.some((r) => r.url === regionsUrl));
      await failed.updateComplete;
      expect($$(failed, '.list .network')).to.have.length(8);
      expect($$(failed, '.marker').length).to.be.greaterThan(0);
      expect(text(failed.shadowRoot!)).not.to.contain('grenzen');
    });

    it('never turns a javascript: website into a link, and renders names as text', async () => {
      const el = await kaart({
        definition: { networks: [{ id: 'x', name: '<img src=x onerror=alert(1)>', type: 'a', gemeenten: [], website: 'javascript:alert(1)' }] },
      });
      expect($$(el, 'a').filter((a) => !/^(https?|mailto|tel):/.test(a.getAttribute('href')!))).to.deep.equal([]);
      expect($$(el, 'img')).to.deep.equal([]);
      expect(text($(el, '.list h3'))).to.equal('<img src=x onerror=alert(1)>');
    });
  });

  describe('search knows every gemeente', () => {
    const cases: [string, string, string][] = [
      ['Rijswijk', 'Voor Rijswijk:', 'Oudersraad Haaglanden'],
      ['rijswijk', 'Voor Rijswijk:', 'Oudersraad Haaglanden'],
      ['Rijswijk (ZH.)', 'Voor Rijswijk (ZH.):', 'Oudersraad Haaglanden'],
      ['Den Haag', 'Voor Den Haag:', 'Oudersraad Haaglanden'],
      ["'s-Gravenhage", "Voor 's-Gravenhage:", 'Oudersraad Haaglanden'],
      ['s gravenhage', "Voor 's-Gravenhage:", 'Oudersraad Haaglanden'],
      ['Leidschendam-Voorburg', 'Voor Leidschendam-Voorburg:', 'Oudersraad Haaglanden'],
      ['Sudwest Fryslan', 'Voor Súdwest-Fryslân:', 'Ouderraad Fryslân'],
      ['SÚDWEST-FRYSLÂN', 'Voor Súdwest-Fryslân:', 'Ouderraad Fryslân'],
      ['den bosch', 'Voor Den Bosch:', 'Ouderplatform Den Bosch'],
      ["'s-Hertogenbosch", "Voor 's-Hertogenbosch:", 'Ouderplatform Den Bosch'],
      ['Hengelo', 'Voor Hengelo:', 'Ervaringsdeskundigen Twente'],
    ];
    for (const [typed, heading, name] of cases) {
      it(`"${typed}" → ${heading} ${name}`, async () => {
        const el = await kaart();
        await search(el, typed);
        expect(answer(el)).to.equal(heading);
        expect(found(el)).to.deep.equal([name]);
        expect(spoken(el)).to.equal(`${heading} ${name}`);
        expect($(el, '#place').getAttribute('aria-expanded'), 'the suggestions close').to.equal('false');
      });
    }

    it('"Zoetermeer" finds the network that serves its jeugdregio, and says how: "Zoetermeer hoort bij jeugdregio Haaglanden"', async () => {
      const el = await kaart({ definition: withHaaglanden });
      await search(el, 'Zoetermeer');
      expect(answer(el)).to.equal('Voor Zoetermeer:');
      expect(found(el)).to.deep.equal(['Jeugdnetwerk Haaglanden']);
      expect(text($(el, '.result .network .via'))).to.equal('Zoetermeer hoort bij jeugdregio Haaglanden');
      expect(spoken(el)).to.equal('Voor Zoetermeer: Jeugdnetwerk Haaglanden (Zoetermeer hoort bij jeugdregio Haaglanden)');
      expect(listItem(el, 'Jeugdnetwerk Haaglanden').classList.contains('network--selected')).to.equal(true);
    });

    it('lists named networks first, then through the jeugdregio, the GGD region and the provincie, each saying how', async () => {
      const el = await kaart({
        definition: {
          networks: [
            network({ id: 'pv', name: 'Provincie', areas: ['PV28'] }),
            network({ id: 'ggd', name: 'GGD', areas: ['GG7014'] }),
            network({ id: 'jz', name: 'Jeugdregio', areas: ['JZ24'] }),
            network({ id: 'gm', name: 'Gemeente', gemeenten: ['Delft'] }),
          ],
        },
      });
      await search(el, 'Delft');
      expect(found(el)).to.deep.equal(['Gemeente', 'Jeugdregio', 'GGD', 'Provincie']);
      expect($$(el, '.result .network').map((item) => item.querySelector('.via')?.textContent?.trim() ?? '')).to.deep.equal([
        '',
        'Delft hoort bij jeugdregio Haaglanden',
        'Delft hoort bij GGD Haaglanden',
        'Delft hoort bij de provincie Zuid-Holland',
      ]);
    });

    it('"Bergen" asks which one, and choosing one answers for it with focus on the answer', async () => {
      const el = await kaart({ definition: { networks: [network({ id: 'nk', name: 'Oudersteunpunt Noord-Kennemerland', gemeenten: ['Bergen (NH.)'] })] } });
      await search(el, 'Bergen');
      expect(answer(el)).to.equal('Welke Bergen bedoel je?');
      const choices = $$<HTMLButtonElement>(el, '.result .choices button');
      expect(choices.map(text)).to.deep.equal(['Bergen (NH.), Noord-Holland', 'Bergen (L.), Limburg']);
      expect(spoken(el)).to.equal('Welke Bergen bedoel je? Bergen (NH.), Bergen (L.)');
      choices[0].click();
      await el.updateComplete;
      expect(answer(el)).to.equal('Voor Bergen (NH.):');
      expect(found(el)).to.deep.equal(['Oudersteunpunt Noord-Kennemerland']);
      await until(() => activeElement(el)?.id === 'answer', 2000, 'focus on the answer');
    });

    it('four digits get a kind sentence asking for the gemeente', async () => {
      const el = await kaart();
      for (const typed of ['2511', '2511 AB']) {
        await search(el, typed);
        expect(answer(el)).to.equal('Zoeken op postcode kan nog niet');
        expect(text($(el, '.result p'))).to.equal('Typ de naam van je gemeente, bijvoorbeeld Zoetermeer of Den Haag.');
        expect(spoken(el)).to.equal('Zoeken op postcode kan nog niet');
      }
    });

    it('a former gemeente leads to the one it is part of now', async () => {
      const el = await kaart({ definition: { networks: [network({ id: 'hm', name: 'Ouders Haarlemmermeer', gemeenten: ['Haarlemmermeer'] })] } });
      await search(el, 'Haarlemmerliede');
      expect(answer(el)).to.equal('Voor Haarlemmermeer:');
      expect(text($(el, '.result > p'))).to.equal('Haarlemmerliede en Spaarnwoude hoort nu bij Haarlemmermeer.');
      expect(found(el)).to.deep.equal(['Ouders Haarlemmermeer']);
      await search(el, 'Haaren');
      expect(answer(el)).to.equal('Haaren is verdeeld over meer gemeenten. Welk deel bedoel je?');
      expect($$(el, '.result .choices button').map(text)).to.have.length(4);
    });

    it('a gemeente no network serves yet: kindly, with the nearest networks by distance', async () => {
      const el = await kaart();
      await search(el, 'pijnacker nootdorp');
      expect(answer(el)).to.equal('Voor Pijnacker-Nootdorp is nog geen netwerk bekend.');
      expect(found(el)).to.deep.equal(['Oudersteunpunt Delft', 'Oudersraad Haaglanden', 'Netwerk Beter Samen']);
      expect(text($(el, '.result .network .muted'))).to.match(/Oudersteunpunt · \d km/);
    });

    it('a name nobody knows: no network known yet, check the spelling, see the list', async () => {
      const el = await kaart();
      await search(el, 'Atlantis');
      expect(answer(el)).to.equal('Voor Atlantis is nog geen netwerk bekend.');
      expect(text($(el, '.result'))).to.contain('Staat de naam goed geschreven?');
    });

    it('selects the network found, in the list and on the map', async () => {
      const el = await kaart();
      await search(el, 'Utrecht');
      expect(listItem(el, 'Netwerk Beter Samen').classList.contains('network--selected')).to.equal(true);
      expect(marker(el, 'Netwerk Beter Samen').getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('keyboard-only: combobox', () => {
    it('follows the APG combobox pattern: arrows move the active option, Enter chooses, Escape closes then clears', async () => {
      const el = await kaart();
      const input = $<HTMLInputElement>(el, '#place');
      input.focus();
      await sendKeys({ type: 'delf' });
      await el.updateComplete;
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect($$(el, '[role=option]').map(text)).to.deep.equal(['Delft', 'Delfzijl', 'Midden-Delfland']);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const active = input.getAttribute('aria-activedescendant')!;
      expect(text($(el, `#${active}`))).to.equal('Midden-Delfland');
      expect($(el, `#${active}`).getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(text($(el, `#${input.getAttribute('aria-activedescendant')}`))).to.equal('Delft');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('Midden-Delfland');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(answer(el)).to.equal('Voor Midden-Delfland:');
      expect(el.shadowRoot!.activeElement).to.equal(input);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.value).to.equal('');
      await sendKeys({ type: 'ut' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('ut');
    });

    it('suggests every gemeente of the country, not only those in the file, one entry per place', async () => {
      const el = await kaart();
      await type(el, 'zoeter');
      expect($$(el, '[role=option]').map(text)).to.deep.equal(['Zoetermeer', 'Zoeterwoude']);
      await type(el, 'bergen');
      expect($$(el, '[role=option]').map(text).slice(0, 5)).to.deep.equal(['Bergen', 'Berg en Dal', 'Bergen (L.)', 'Bergen (NH.)', 'Bergen op Zoom']);
    });

    it('picks an option with the mouse without losing focus, and announces how many were found', async () => {
      const el = await kaart();
      await type(el, 'den h');
      const option = $$(el, '[role=option]').find((o) => text(o) === 'Den Haag')!;
      option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
      option.click();
      await el.updateComplete;
      expect(answer(el)).to.equal('Voor Den Haag:');
      await until(() => text($(el, '.search [role=status]')) !== '', 2000, 'announcement');
    });
  });

  describe('filter', () => {
    it('filters the list and the markers by type, with counts', async () => {
      const el = await kaart();
      const select = $<HTMLSelectElement>(el, '#filter');
      expect($$(el, '#filter option').map(text)).to.deep.equal([
        'Alle soorten (8)',
        'Oudersraad (2)',
        'Oudersteunpunt (2)',
        'Ouderplatform (3)',
        'Ervaringsdeskundigen (1)',
      ]);
      select.value = 'oudersteunpunt';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect($$(el, '.list .network h3').map(text)).to.deep.equal(['Oudersteunpunt Delft', 'Oudersteunpunt Zuid-Limburg']);
      expect(text($(el, '.list .count'))).to.equal('2 netwerken');
      expect($$(el, '.marker').map((m) => m.getAttribute('aria-label'))).to.have.members(['Oudersteunpunt Delft', 'Oudersteunpunt Zuid-Limburg']);
    });
  });

  describe('the map', () => {
    it('highlights the chosen network’s jeugdregio and zooms to it with the viewBox; "toon heel Nederland" zooms out', async () => {
      const el = await kaart({ definition: withHaaglanden, regions: 'jeugdregio' });
      const svg = $(el, 'svg');
      const whole = svg.getAttribute('viewBox');
      expect(whole).to.equal('0 0 400 457');
      expect($$(el, '.region--chosen')).to.deep.equal([]);
      await search(el, 'Zoetermeer');
      expect($$(el, '.region--chosen').map((region) => region.getAttribute('data-key'))).to.deep.equal(['JZ24']);
      const [x, y, width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
      expect(width).to.be.below(200);
      expect(width / height).to.be.closeTo(400 / 457, 0.01);
      const [markerX, markerY] = /translate\(([\d.]+) ([\d.]+)\)/.exec(marker(el, 'Jeugdnetwerk Haaglanden').getAttribute('transform')!)!.slice(1).map(Number);
      expect(markerX).to.be.within(x, x + width);
      expect(markerY).to.be.within(y, y + height);
      // Markers keep their size on screen when zoomed.
      const dot = marker(el, 'Jeugdnetwerk Haaglanden').querySelector('.dot')!.getBoundingClientRect();
      expect(dot.width).to.be.within(14, 20);
      expect(text($(el, '.whole-map'))).to.equal('Toon heel Nederland');
      $<HTMLButtonElement>(el, '.whole-map').click();
      await el.updateComplete;
      expect(svg.getAttribute('viewBox')).to.equal(whole);
      expect($$(el, '.whole-map')).to.deep.equal([]);
    });

    it('shades the areas a network serves, and highlights only the chosen network’s', async () => {
      const el = await kaart({ definition: withHaaglanden, regions: 'jeugdregio' });
      const served = $$(el, '.region--served').map((region) => region.getAttribute('data-key'));
      // Haaglanden, Utrecht Stad (Utrecht), Utrecht West (Stichtse Vecht), Friesland, Noordoost Brabant, Twente, Zuid-Limburg, Groningen.
      expect(served).to.have.members(['JZ24', 'JZ22', 'JZ19', 'JZ02', 'JZ33', 'JZ14', 'JZ41', 'JZ01']);
      listItem(el, 'Oudersteunpunt Zuid-Limburg').querySelector('button')!.click();
      await el.updateComplete;
      expect($$(el, '.region--chosen').map((region) => region.getAttribute('data-key'))).to.deep.equal(['JZ41']);
    });

    it('a region selects the networks that work in it: clicked, or chosen from the list of areas under the map', async () => {
      const el = await kaart({ definition: withHaaglanden, regions: 'jeugdregio' });
      const selected = oneEvent(el, 'ouder-select');
      $(el, '.region[data-key="JZ24"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect((await selected).detail.source, 'chosen on the map').to.equal('map');
      await el.updateComplete;
      expect(answer(el)).to.equal('Voor jeugdregio Haaglanden:');
      expect(found(el)).to.deep.equal(['Oudersraad Haaglanden', 'Oudersteunpunt Delft', 'Jeugdnetwerk Haaglanden']);

      const area = $<HTMLSelectElement>(el, '#area');
      expect(text($(el, 'label[for=area]'))).to.equal('Of kies een gebied op de kaart');
      const twente = [...area.options].find((option) => option.textContent!.trim() === 'Twente')!;
      area.value = twente.value;
      area.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(answer(el)).to.equal('Voor jeugdregio Twente:');
      expect(found(el)).to.deep.equal(['Ervaringsdeskundigen Twente']);
      expect($$(el, '.region--chosen').map((region) => region.getAttribute('data-key'))).to.deep.equal(['JZ14']);
    });

    it('on the gemeente layer a gemeente answers as if searched; a file without codes is matched by name', async () => {
      const el = await kaart({ definition: withHaaglanden, regions: 'gemeente' });
      $(el, '.region[data-key="GM0637"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await el.updateComplete;
      expect(answer(el)).to.equal('Voor Zoetermeer:');
      expect(text($(el, '.result .via'))).to.equal('Zoetermeer hoort bij jeugdregio Haaglanden');

      const named = await kaart({ regionsSrc: regionsUrl });
      expect($$(named, '.region--served').map((r) => r.getAttribute('data-key'))).to.have.members(['gravenhage', 'rijswijk', 'delft', 'utrecht', 'vught']);
    });

    it('"toon op de kaart" selects the marker, and again deselects it', async () => {
      const el = await kaart();
      const button = listItem(el, 'Ervaringsdeskundigen Twente').querySelector('button')!;
      const selected = oneEvent(el, 'ouder-select');
      button.click();
      expect((await selected).detail.source).to.equal('list');
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      const pin = marker(el, 'Ervaringsdeskundigen Twente');
      expect(pin.classList.contains('marker--selected')).to.equal(true);
      expect(pin.getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '.marker[tabindex="0"]')).to.equal(pin);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect($$(el, '.marker--selected')).to.deep.equal([]);
    });

    it('on a narrow screen, "toon op de kaart" brings the map into view and announces the choice', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await kaart({ regions: 'jeugdregio' });
      const item = listItem(el, 'Oudersraad Haaglanden');
      item.scrollIntoView();
      const mapFrame = $(el, '.map-frame');
      expect(mapFrame.getBoundingClientRect().top, 'the map starts below the screen').to.be.above(innerHeight);
      item.querySelector('button')!.click();
      await until(() => {
        const { top, bottom } = mapFrame.getBoundingClientRect();
        return top >= -1 && bottom <= innerHeight + 1;
      }, 3000, 'map in view');
      await until(() => text($(el, '.map-panel [role=status]')) === 'Gekozen: Oudersraad Haaglanden', 2000, 'announcement');
    });

    it('a marker selects the network in the list; "bekijk in de lijst" moves focus there', async () => {
      const el = await kaart();
      const selected = oneEvent(el, 'ouder-select');
      await clickMarker(el, 'Oudersteunpunt Zuid-Limburg');
      const { detail } = await selected;
      expect(detail.network.id).to.equal('oudersteunpunt-zuid-limburg');
      expect(detail.source).to.equal('map');
      const item = listItem(el, 'Oudersteunpunt Zuid-Limburg');
      expect(item.classList.contains('network--selected')).to.equal(true);
      expect(item.querySelector('button')!.getAttribute('aria-pressed')).to.equal('true');
      expect(text($(el, '.map-panel'))).to.contain('Gekozen: Oudersteunpunt Zuid-Limburg');
      $<HTMLButtonElement>(el, '.map-panel .link-button').click();
      await until(() => activeElement(el) === item.querySelector('h3'));
    });

    it('a marker of a filtered-out network never exists, and showing one in the list clears the filter', async () => {
      const el = await kaart();
      await clickMarker(el, 'Netwerk Beter Samen');
      const select = $<HTMLSelectElement>(el, '#filter');
      select.value = 'oudersraad';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(marker(el, 'Netwerk Beter Samen')).to.equal(null);
      $<HTMLButtonElement>(el, '.map-panel .link-button').click();
      await until(() => activeElement(el)?.textContent?.trim() === 'Netwerk Beter Samen');
      expect(select.value).to.equal('');
    });

    it('shows the CBS credit under the map', async () => {
      for (const [lang, credit] of [
        ['nl', 'Bron: CBS, Kadaster (CC BY 4.0)'],
        ['en', 'Source: CBS, Kadaster (CC BY 4.0)'],
      ]) {
        const el = await kaart({ lang });
        const line = $(el, '.map .credit');
        expect(text(line)).to.equal(credit);
        expect(line.getBoundingClientRect().height).to.be.above(0);
      }
    });
  });

  describe('grouping', () => {
    it('groups overlapping markers with a count; the group says it expands the list under the map', async () => {
      const el = await kaart();
      const group = marker(el, '2 netwerken');
      expect(group.getAttribute('aria-label')).to.equal('2 netwerken op deze plek: Oudersraad Haaglanden, Oudersteunpunt Delft');
      expect(group.getAttribute('aria-expanded')).to.equal('false');
      expect(group.getAttribute('aria-controls')).to.equal('map-group');
      expect(group.hasAttribute('aria-pressed')).to.equal(false);
      expect(group.querySelector('.count-label')!.getAttribute('d')).to.equal('M0 0h4v3h-4v3h4');
      await clickMarker(el, '2 netwerken');
      expect(marker(el, '2 netwerken').getAttribute('aria-expanded')).to.equal('true');
      expect(text($(el, '#map-group'))).to.contain('2 netwerken op deze plek:');
      const choices = $$<HTMLButtonElement>(el, '#map-group button');
      expect(choices.map(text)).to.deep.equal(['Oudersraad Haaglanden', 'Oudersteunpunt Delft']);
      choices[1].click();
      await el.updateComplete;
      expect(listItem(el, 'Oudersteunpunt Delft').classList.contains('network--selected')).to.equal(true);
      expect(choices[1].getAttribute('aria-pressed')).to.equal('true');
      expect(marker(el, '2 netwerken').classList.contains('marker--selected')).to.equal(true);
      await clickMarker(el, '2 netwerken');
      expect(marker(el, '2 netwerken').getAttribute('aria-expanded')).to.equal('false');
    });

    it('never lets markers overlap on a narrow map', async () => {
      const el = await kaart();
      el.style.width = '320px';
      await until(() => $$(el, '.marker').length < 7, 2000, 'regrouping');
      await el.updateComplete;
      const boxes = $$(el, '.marker .dot').map((dot) => dot.getBoundingClientRect());
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap).to.equal(false);
        }
      }
    });
  });

  describe('keyboard-only: map', () => {
    it('is one tab stop; arrows move geographically; Home and End follow the reading order; Enter selects; a group opens with Space and closes with Escape', async () => {
      const el = await kaart();
      expect($$(el, '.marker[tabindex="0"]')).to.have.length(1);
      expect($$(el, '.marker').every((m) => m.getAttribute('role') === 'button' && m.getAttribute('aria-label'))).to.equal(true);
      const lastShowButton = $$(el, '.list button').pop()!;
      lastShowButton.focus();
      await sendKeys({ press: 'Tab' });
      expect(activeElement(el)?.classList.contains('marker')).to.equal(true);

      (marker(el, 'Ouderraad Fryslân') as unknown as HTMLElement).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(activeElement(el)?.getAttribute('aria-label')).to.equal('Ervaringsdeskundigen Twente');
      await sendKeys({ press: 'ArrowRight' });
      expect(activeElement(el)?.getAttribute('aria-label')).to.equal('Ervaringsdeskundigen Twente');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(activeElement(el)?.getAttribute('aria-label')).to.equal('Ouderraad Fryslân');
      expect($$(el, '.marker[tabindex="0"]')).to.have.length(1);

      // Reading order: the list's order (and the markers' order in the document), not the map's.
      const inList = $$(el, '.list .network')
        .filter((item) => item.querySelector('button'))
        .map((item) => text(item.querySelector('h3')!));
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(activeElement(el)?.getAttribute('aria-label')).to.contain(inList[0]);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(activeElement(el)?.getAttribute('aria-label')).to.equal(inList[inList.length - 1]);
      expect($$(el, '.marker').map((m) => m.getAttribute('aria-label')).pop()).to.equal(inList[inList.length - 1]);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(listItem(el, inList[inList.length - 1]).classList.contains('network--selected')).to.equal(true);

      (marker(el, '2 netwerken') as unknown as HTMLElement).focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect($$(el, '#map-group button')).to.have.length(2);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($$(el, '#map-group button')).to.have.length(0);
      expect(activeElement(el)?.classList.contains('marker')).to.equal(true);
    });

    it('does not take over the mouse wheel', async () => {
      const el = await kaart();
      const wheel = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, composed: true });
      $(el, 'svg').dispatchEvent(wheel);
      expect(wheel.defaultPrevented).to.equal(false);
    });
  });

  describe('i18n', () => {
    it('speaks English, with the types and names in English where the data has them', async () => {
      const el = await kaart({ lang: 'en', definition: withHaaglanden });
      expect(text($(el, 'label[for=place]'))).to.equal('Find your municipality');
      expect(text($(el, '.list .count'))).to.equal('9 networks');
      expect($$(el, '.list h3').map(text)).to.include('Better Together network');
      await search(el, 'The Hague');
      expect(answer(el)).to.equal('For The Hague:');
      await search(el, 'Zoetermeer');
      expect(text($(el, '.result .via'))).to.equal('Zoetermeer is part of the youth care region Haaglanden');
      await search(el, 'Bergen');
      expect(answer(el)).to.equal('Which Bergen do you mean?');
    });

    it('is right-to-left in Arabic, while the map stays the right way round', async () => {
      const el = await kaart({ lang: 'ar' });
      expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
      expect(text($(el, '.list .count'))).to.equal('8 شبكات');
      expect($(el, '.map-frame').getAttribute('dir')).to.equal('ltr');
      expect(getComputedStyle($(el, 'svg')).transform).to.equal('none');
      const east = marker(el, 'Ervaringsdeskundigen Twente').getBoundingClientRect();
      const west = marker(el, 'Oudersteunpunt Zuid-Limburg').getBoundingClientRect();
      expect(east.left).to.be.greaterThan(west.left);
      (marker(el, 'Oudersteunpunt Zuid-Limburg') as unknown as HTMLElement).focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(activeElement(el)?.getAttribute('aria-label')).to.equal('Ouderraad Fryslân');
      expect(listItem(el, 'Oudersraad Haaglanden').querySelector('a[href^="tel:"]')!.getAttribute('dir')).to.equal('ltr');
    });
  });
});
