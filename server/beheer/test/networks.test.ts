import { expect, html } from '@open-wc/testing';
import '../src/elements/beheer-networks.js';
import type { BeheerNetworks } from '../src/elements/beheer-networks.js';
import { FakeApi } from './fake-api.js';
import { button, byId, expectAccessible, expectReflow, me, onPage, previewWidget, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

async function networksPage(): Promise<BeheerNetworks> {
  const element = await onPage<BeheerNetworks>(html`<beheer-networks .me=${me()} widgets-url="/src/index.ts"></beheer-networks>`, 'Netwerken');
  for (let i = 0; i < 10 && !element.querySelector('beheer-networks-builder'); i++) await settle(element);
  return element;
}

describe('<beheer-networks> (the networks builder)', () => {
  it('adds a network with gemeenten picked from the CBS list, a type, contact details and a place; saves the list', async () => {
    const element = await networksPage();
    await expectAccessible();
    button(element, 'Netwerk toevoegen').click();
    await settle(element);
    expect(document.activeElement?.id).to.equal('f-networks-0-name');
    await typeInto(byId('f-networks-0-name'), 'Oudersraad Haaglanden');
    await typeInto(byId('f-networks-0-description'), 'Ouders die de gemeenten adviseren.');
    // The gemeenten come from GET /beheer/api/gemeenten, offered in a list.
    expect([...document.querySelectorAll('#gemeenten-list option')].map((option) => option.getAttribute('value'))).to.include("'s-Gravenhage");
    const picker = byId('f-networks-0-gemeenten')!;
    await typeInto(picker, 'Den Haag');
    element.querySelector<HTMLButtonElement>('.picker button')!.click();
    await settle(element);
    expect(byId('f-networks-0-gemeenten-error')!.textContent).to.contain('"Den Haag" staat niet in de lijst van gemeenten');
    await typeInto(picker, "'s-gravenhage");
    picker.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(element);
    await typeInto(byId('f-networks-0-gemeenten'), 'Rijswijk');
    element.querySelector<HTMLButtonElement>('.picker button')!.click();
    await settle(element);
    expect([...element.querySelectorAll('.chips .chip__text')].map((item) => item.textContent)).to.deep.equal(["'s-Gravenhage", 'Rijswijk']);
    await typeInto(byId('f-networks-0-email'), 'info@oudersraad.nl');
    await typeInto(byId('f-networks-0-website'), 'https://www.oudersraad.nl');
    await typeInto(byId('f-networks-0-location-lat'), '52,07');
    await typeInto(byId('f-networks-0-location-lon'), '4,30');
    await settle(element);
    await previewWidget(element, 'ouder-netwerkkaart');
    await expectAccessible();
    button(element, 'Opslaan').click();
    await settle(element);
    const [put] = api.calls('PUT', '/networks');
    expect(put.body).to.deep.equal({
      networks: {
        type: 'netwerkkaart',
        types: [{ value: 'oudersraad', label: 'Oudersraad' }],
        networks: [
          {
            id: 'oudersraad-haaglanden',
            name: 'Oudersraad Haaglanden',
            type: 'oudersraad',
            gemeenten: ["'s-Gravenhage", 'Rijswijk'],
            description: 'Ouders die de gemeenten adviseren.',
            email: 'info@oudersraad.nl',
            website: 'https://www.oudersraad.nl',
            location: { lat: 52.07, lon: 4.3 },
          },
        ],
      },
    });
    expect(element.querySelector('.actions [role=status]')!.textContent).to.contain('De netwerken zijn opgeslagen');
    await expectReflow(element);
  });

  it('shows what the server noticed in the saved list, and takes any name when it has no CBS list', async () => {
    api.networks = { networks: [{ id: 'a', name: 'Netwerk A', type: 'oudersraad', gemeenten: ['Den Haag'] }] };
    api.failNext('GET', '/networks', {
      status: 200,
      body: { networks: api.networks, problems: [{ field: '/networks/0/gemeenten/0', code: 'unknown-gemeente', message: '"Den Haag" is geen gemeente in de CBS-lijst van 2025.' }] },
    });
    api.failNext('GET', '/gemeenten', { status: 200, body: { gemeenten: [] } });
    const element = await networksPage();
    expect(element.querySelector('.notice--warning')!.textContent).to.contain('"Den Haag" is geen gemeente in de CBS-lijst van 2025.');
    await typeInto(byId('f-networks-0-gemeenten'), 'Leidschendam-Voorburg');
    element.querySelector<HTMLButtonElement>('.picker button')!.click();
    await settle(element);
    expect([...element.querySelectorAll('.chips .chip__text')].map((item) => item.textContent)).to.deep.equal(['Den Haag', 'Leidschendam-Voorburg']);
    await expectAccessible();
  });

  it('opens a network that names only areas by code ("areas": ["JZ24"]), adds a gemeente to it and keeps its areas', async () => {
    api.networks = { type: 'netwerkkaart', types: [{ value: 'oudersraad', label: 'Oudersraad' }], networks: [{ id: 'a', name: 'Netwerk A', type: 'oudersraad', areas: ['JZ24'] }] };
    const element = await networksPage();
    expect(byId('f-networks-0-gemeenten-group')!.querySelector('p')!.textContent).to.equal('Nog geen gemeenten gekozen.');
    await typeInto(byId('f-networks-0-gemeenten'), 'Rijswijk');
    element.querySelector<HTMLButtonElement>('.picker button')!.click();
    await settle(element);
    button(element, 'Opslaan').click();
    await settle(element);
    const [put] = api.calls('PUT', '/networks');
    expect((put!.body as { networks: { networks: unknown[] } }).networks.networks).to.deep.equal([
      { id: 'a', name: 'Netwerk A', type: 'oudersraad', areas: ['JZ24'], gemeenten: ['Rijswijk'] },
    ]);
    await expectAccessible();
  });

  it('bad input: no name, a wrong e-mail address, a website without https, a latitude off the globe', async () => {
    const element = await networksPage();
    button(element, 'Netwerk toevoegen').click();
    await settle(element);
    await typeInto(byId('f-networks-0-email'), 'info-at-oudersraad');
    await typeInto(byId('f-networks-0-website'), 'www.oudersraad.nl');
    await typeInto(byId('f-networks-0-location-lat'), '152');
    await typeInto(byId('f-networks-0-location-lon'), '4');
    button(element, 'Opslaan').click();
    await settle(element);
    const messages = [...element.querySelectorAll('.error-summary li')].map((item) => item.textContent!.trim());
    expect(messages).to.deep.equal([
      'Vul de naam van het netwerk in.',
      'Vul het hele webadres in, met https:// ervoor.',
      'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      'Vul een getal van 90 of minder in.',
    ]);
    expect(api.calls('PUT', '/networks')).to.have.length(0);
    await expectAccessible();
  });
});
