import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/netwerkkaart/index.js';
import type { OuderNetwerkkaart } from '../src/netwerkkaart/ouder-netwerkkaart.js';
import demo from './fixtures/netwerkkaart.json';
import broken from './fixtures/netwerkkaart-malformed.json';
import demoRegions from './fixtures/netwerkkaart-regions.json';
import { expectAccessible } from './helpers/axe.js';
import { consoleWarnings } from './helpers/dom.js';
import { FakeServer, until } from './helpers/server.js';

const endpoint = 'https://api.example.org/networks';
const regionsUrl = 'https://api.example.org/gemeenten.json';

let server: FakeServer;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  server = new FakeServer();
});

afterEach(() => {
  server.restore();
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The widget with the demo networks (and, if asked, the demo gemeente boundaries), map measured. */
async function kaart({ definition = demo as unknown, regions = false, lang = 'nl' } = {}): Promise<OuderNetwerkkaart> {
  server.on('GET', endpoint, { status: 200, body: definition });
  server.on('GET', regionsUrl, { status: 200, body: demoRegions });
  const el = await fixture<OuderNetwerkkaart>(
    html`<ouder-netwerkkaart endpoint=${endpoint} lang=${lang} regions-src=${regions ? regionsUrl : ''}></ouder-netwerkkaart>`,
  );
  await until(() => !!el.shadowRoot!.querySelector('.networks, .panel, p'), 3000, 'definition');
  if (regions) await until(() => el.shadowRoot!.querySelectorAll('.region').length > 0, 3000, 'regions');
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

async function clickMarker(el: OuderNetwerkkaart, label: string) {
  marker(el, label).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<ouder-netwerkkaart>', () => {
  describe('accessibility', () => {
    it('has no axe violations or incomplete results: list, map and regions', async () => {
      const el = await kaart({ regions: true });
      await expectAccessible(el);
    });

    it('… with the suggestions open and one active', async () => {
      const el = await kaart();
      await type(el, 'del');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($(el, '#place').getAttribute('aria-expanded')).to.equal('true');
      await expectAccessible(el);
    });

    it('… with a result, with no network known, and with an unknown place', async () => {
      const el = await kaart({ regions: true });
      await search(el, 'Rijswijk');
      await expectAccessible(el);
      await search(el, 'Pijnacker-Nootdorp');
      await expectAccessible(el);
      await search(el, 'Atlantis');
      await expectAccessible(el);
    });

    it('… with a filter, an open group and a selected network', async () => {
      const el = await kaart();
      await clickMarker(el, '2 netwerken');
      $$<HTMLButtonElement>(el, '.map-panel .group button')[1].click();
      await el.updateComplete;
      await expectAccessible(el);
      const select = $<HTMLSelectElement>(el, '#filter');
      select.value = 'oudersraad';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await expectAccessible(el);
    });

    it('… with problems in the file, while loading, after a failed load, and in Arabic', async () => {
      const el = await kaart({ definition: { networks: [{ id: 'x', name: 'X', type: 'a' }, demo.networks[0]] } });
      await expectAccessible(el);

      server.on('GET', endpoint, () => new Promise(() => {}));
      const loading = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      await expectAccessible(loading);

      server.on('GET', endpoint, { status: 500 });
      const failed = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      await until(() => !!failed.shadowRoot!.querySelector('[role=alert]'));
      await expectAccessible(failed);

      const arabic = await kaart({ lang: 'ar', regions: true });
      await search(arabic, 'Den Haag');
      await expectAccessible(arabic);
    });
  });

  describe('definition loading', () => {
    it('GETs the networks from endpoint, shows all of them, and fires ouder-ready', async () => {
      server.on('GET', endpoint, { status: 200, body: demo });
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      expect(text($(el, '[role=status]'))).to.equal('Even laden…');
      const { detail } = await oneEvent(el, 'ouder-ready');
      expect((detail.definition as { networks: unknown[] }).networks).to.have.length(8);
      await el.updateComplete;
      expect($$(el, '.list .network')).to.have.length(8);
      expect(text($(el, '.list .count'))).to.equal('8 netwerken');
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([`GET ${endpoint}`]);
    });

    it('takes a definition property without any request, and accepts a GeoJSON FeatureCollection', async () => {
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
      expect(server.requests).to.deep.equal([]);
    });

    it('offers "probeer opnieuw" after a failed load, and loads on retry', async () => {
      server.on('GET', endpoint, { status: 503 }, { status: 200, body: demo });
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint}></ouder-netwerkkaart>`);
      await until(() => !!el.shadowRoot!.querySelector('[role=alert] button'));
      $<HTMLButtonElement>(el, '[role=alert] button').click();
      await until(() => $$(el, '.list .network').length === 8);
    });

    it('says the network file is no JSON, naming it, instead of blaming the connection', async () => {
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

  describe('malformed data', () => {

    it('keeps the valid networks and names exactly what was skipped or left out', async () => {
      const el = await kaart({ definition: broken });
      const problems = text($(el, '[part=problems]'));
      expect(problems).to.contain('networks[1].gemeenten ontbreekt (overgeslagen)');
      expect(problems).to.contain('networks[2].id komt twee keer voor (overgeslagen)');
      expect(problems).to.contain('networks[3].website is geen webadres dat begint met http:// of https:// (weggelaten)');
      expect(problems).to.contain('networks[3].type is een soort die niet in "types" staat; het netwerk staat er wel, met deze soort');
      expect($$(el, '.list .network h3').map(text)).to.deep.equal(['Oudersraad Haaglanden', 'Buurtnetwerk Oost', 'Zonder plek']);
    });

    it('never turns a javascript: website into a link, and renders names as text', async () => {
      const el = await kaart({
        definition: {
          networks: [{ id: 'x', name: '<img src=x onerror=alert(1)>', type: 'a', gemeenten: [], website: 'javascript:alert(1)' }],
        },
      });
      expect($$(el, 'a').filter((a) => !/^(https?|mailto|tel):/.test(a.getAttribute('href')!))).to.deep.equal([]);
      expect($$(el, 'img')).to.deep.equal([]);
      expect(text($(el, '.list h3'))).to.equal('<img src=x onerror=alert(1)>');
    });

    it('lists an unknown type in the filter and a network without a location only in the list', async () => {
      const el = await kaart({ definition: broken });
      expect($$(el, '#filter option').map((o) => o.getAttribute('value'))).to.include('buurtnetwerk');
      expect(marker(el, 'Zonder plek')).to.equal(null);
      expect(text(listItem(el, 'Zonder plek'))).to.contain('Niet op de kaart');
      expect(text($(el, '.map'))).to.contain('Niet op de kaart, omdat de plek niet bekend is: 2 netwerken');
    });

    it('draws what it can of a bad boundaries file, names the rest, and survives a failed one', async () => {
      server.on('GET', regionsUrl, {
        status: 200,
        body: { type: 'FeatureCollection', features: [...demoRegions.features, { properties: { naam: 'RD' }, geometry: { type: 'Point', coordinates: [1, 2] } }] },
      });
      server.on('GET', endpoint, { status: 200, body: demo });
      const el = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint} regions-src=${regionsUrl}></ouder-netwerkkaart>`);
      await until(() => $$(el, '.region').length === demoRegions.features.length);
      expect(text($(el, '[part=problems]'))).to.contain('regions-src features[7].geometry is geen vlak');

      // A file that is no JSON: named as such (not "check your connection"); the list stays whole.
      server.on('GET', regionsUrl, { status: 200, raw: '<html>Deze pagina bestaat niet</html>' });
      const html404 = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint} regions-src=${regionsUrl}></ouder-netwerkkaart>`);
      await until(() => !!html404.shadowRoot!.querySelector('[part=problems]'));
      expect(text($(html404, '[part=problems]'))).to.contain(`regions-src ${regionsUrl} is geen geldige JSON`);
      expect($$(html404, '.list .network')).to.have.length(8);

      // Shapes no reader foresaw (a feature that is null, a polygon without arcs) never break the widget.
      el.regions = { type: 'FeatureCollection', features: [null, ...demoRegions.features] };
      await until(() => text($(el, '[part=problems]')).includes('regions-src features[0] moet een object zijn'));
      expect($$(el, '.region')).to.have.length(demoRegions.features.length);
      el.regions = { type: 'Topology', arcs: [[[4, 52]]], objects: { g: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', properties: { naam: 'Zonder bogen' } }] } } };
      await until(() => text($(el, '[part=problems]')).includes('regions-src geometries[0].geometry is geen vlak'));

      server.on('GET', regionsUrl, { status: 404 });
      const failed = await fixture<OuderNetwerkkaart>(html`<ouder-netwerkkaart endpoint=${endpoint} regions-src=${regionsUrl}></ouder-netwerkkaart>`);
      await until(() => text(failed.shadowRoot!).includes('grenzen op de kaart konden niet worden geladen'));
      expect($$(failed, '.list .network')).to.have.length(8);
      expect($$(failed, '.marker').length).to.be.greaterThan(0);
    });
  });

  describe('search', () => {
    const cases: [string, string, string][] = [
      ['Rijswijk', 'Voor Rijswijk:', 'Oudersraad Haaglanden'],
      ['rijswijk', 'Voor Rijswijk:', 'Oudersraad Haaglanden'],
      ['Den Haag', 'Voor Den Haag:', 'Oudersraad Haaglanden'],
      ["'s-Gravenhage", "Voor 's-Gravenhage:", 'Oudersraad Haaglanden'],
      ['s gravenhage', "Voor 's-Gravenhage:", 'Oudersraad Haaglanden'],
      ['Sudwest Fryslan', 'Voor Súdwest-Fryslân:', 'Ouderraad Fryslân'],
      ['SÚDWEST-FRYSLÂN', 'Voor Súdwest-Fryslân:', 'Ouderraad Fryslân'],
      ['den bosch', 'Voor Den Bosch:', 'Ouderplatform Den Bosch'],
      ["'s-Hertogenbosch", "Voor 's-Hertogenbosch:", 'Ouderplatform Den Bosch'],
    ];
    for (const [typed, heading, network] of cases) {
      it(`"${typed}" → ${heading} ${network}`, async () => {
        const el = await kaart();
        await search(el, typed);
        expect(text($(el, '.result h2'))).to.equal(heading);
        expect($$(el, '.result .network h3').map(text)).to.deep.equal([network]);
        expect(text($(el, '.search ~ [role=status]'))).to.equal(`${heading} ${network}`);
      });
    }

    it('says kindly that no network is known yet, with the nearest networks by distance', async () => {
      const el = await kaart({ regions: true });
      await search(el, 'pijnacker nootdorp');
      expect(text($(el, '.result h2'))).to.equal('Voor Pijnacker-Nootdorp is nog geen netwerk bekend.');
      expect($$(el, '.result .network h3').map(text)).to.deep.equal(['Oudersteunpunt Delft', 'Oudersraad Haaglanden', 'Netwerk Beter Samen']);
      expect(text($(el, '.result .network .muted'))).to.match(/Oudersteunpunt · \d km/);
    });

    it('a name the data does not know (a gemeente no network serves, or a typo): no network known yet, check the spelling, see the list', async () => {
      const el = await kaart();
      await search(el, 'Amsterdam');
      expect(text($(el, '.result h2'))).to.equal('Voor Amsterdam is nog geen netwerk bekend.');
      expect(text($(el, '.result'))).to.contain('Staat de naam goed geschreven?');
      expect(text($(el, '.result'))).to.not.contain('We kennen geen gemeente');
      await expectAccessible(el);
    });

    it('selects the network found, in the list and on the map', async () => {
      const el = await kaart();
      await search(el, 'Utrecht');
      expect(listItem(el, 'Netwerk Beter Samen').classList.contains('network--selected')).to.equal(true);
      expect(marker(el, 'Netwerk Beter Samen').getAttribute('aria-current')).to.equal('true');
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
      expect($$(el, '[role=option]').map(text)).to.deep.equal(['Delft', 'Midden-Delfland']);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

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
      expect(text($(el, '.result h2'))).to.equal('Voor Midden-Delfland:');
      expect(el.shadowRoot!.activeElement).to.equal(input);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.value).to.equal('');
      input.value = '';
      await sendKeys({ type: 'ut' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('ut');
    });

    it('picks an option with the mouse without losing focus, and announces how many were found', async () => {
      const el = await kaart();
      await type(el, 'den');
      const option = $$(el, '[role=option]').find((o) => text(o) === 'Den Haag')!;
      option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
      option.click();
      await el.updateComplete;
      expect(text($(el, '.result h2'))).to.equal('Voor Den Haag:');
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
      expect($$(el, '.marker').map((m) => m.getAttribute('aria-label'))).to.have.members([
        'Oudersteunpunt Delft',
        'Oudersteunpunt Zuid-Limburg',
      ]);
    });
  });

  describe('list ↔ map', () => {
    it('"toon op de kaart" in the list selects the marker, and again deselects it', async () => {
      const el = await kaart();
      const button = listItem(el, 'Ervaringsdeskundigen Twente').querySelector('button')!;
      const selected = oneEvent(el, 'ouder-select');
      button.click();
      expect((await selected).detail.source).to.equal('list');
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(marker(el, 'Ervaringsdeskundigen Twente').classList.contains('marker--selected')).to.equal(true);
      expect($(el, '.marker[tabindex="0"]')).to.equal(marker(el, 'Ervaringsdeskundigen Twente'));
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect($$(el, '.marker--selected')).to.deep.equal([]);
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

    it('a region selects its gemeente and the network that serves it', async () => {
      const el = await kaart({ regions: true });
      expect($$(el, '.region--served').map((r) => r.getAttribute('data-key'))).to.have.members(['s gravenhage', 'rijswijk', 'delft', 'utrecht', 'vught']);
      const selected = oneEvent(el, 'ouder-select');
      $(el, '.region[data-key="rijswijk"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect((await selected).detail.source, 'chosen on the map').to.equal('map');
      await el.updateComplete;
      expect(text($(el, '.result h2'))).to.equal('Voor Rijswijk:');
      expect(listItem(el, 'Oudersraad Haaglanden').classList.contains('network--selected')).to.equal(true);
    });
  });

  describe('grouping', () => {
    it('groups overlapping markers with a count; choosing the group lists its networks to choose from', async () => {
      const el = await kaart();
      const group = marker(el, '2 netwerken');
      expect(group.getAttribute('aria-label')).to.equal('2 netwerken op deze plek: Oudersraad Haaglanden, Oudersteunpunt Delft');
      expect(group.querySelector('.count-label')!.getAttribute('d')).to.equal('M0 0h4v3h-4v3h4');
      await clickMarker(el, '2 netwerken');
      expect(text($(el, '.map-panel'))).to.contain('2 netwerken op deze plek:');
      const choices = $$<HTMLButtonElement>(el, '.map-panel .group button');
      expect(choices.map(text)).to.deep.equal(['Oudersraad Haaglanden', 'Oudersteunpunt Delft']);
      choices[1].click();
      await el.updateComplete;
      expect(listItem(el, 'Oudersteunpunt Delft').classList.contains('network--selected')).to.equal(true);
      expect(choices[1].getAttribute('aria-pressed')).to.equal('true');
      expect(group.getAttribute('aria-current')).to.equal('true');
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
    it('is one tab stop; arrows move geographically; Enter selects; a group opens with Space and closes with Escape', async () => {
      const el = await kaart();
      expect($$(el, '.marker[tabindex="0"]')).to.have.length(1);
      expect($$(el, '.marker').every((m) => m.getAttribute('role') === 'button' && m.getAttribute('aria-label'))).to.equal(true);
      // Tab from the last control before the map lands on the map, and Tab again leaves it.
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
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const chosen = activeElement(el)!.getAttribute('aria-label')!;
      expect(listItem(el, chosen).classList.contains('network--selected')).to.equal(true);

      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      (marker(el, '2 netwerken') as unknown as HTMLElement).focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect($$(el, '.map-panel .group button')).to.have.length(2);
      await sendKeys({ press: 'Tab' });
      expect(activeElement(el)).to.equal($(el, '.map-panel .group button'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($$(el, '.map-panel .group button')).to.have.length(0);
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
      const el = await kaart({ lang: 'en' });
      expect(text($(el, 'label[for=place]'))).to.equal('Find your municipality');
      expect(text($(el, '.list .count'))).to.equal('8 networks');
      expect($$(el, '.list h3').map(text)).to.include('Better Together network');
      await search(el, 'Den Haag');
      expect(text($(el, '.result h2'))).to.equal('For Den Haag:');
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
