import { expect } from '@open-wc/testing';
import { FakeApi } from './fake-api.js';
import { series } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, newForm, previewWidget, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

async function fillSession(element: HTMLElement, s: number, date: string, from: string, to: string): Promise<void> {
  await typeInto(byId(`f-sessions-${s}-start`), date);
  await typeInto(byId(`f-sessions-${s}-start-time`), from);
  await typeInto(byId(`f-sessions-${s}-end`), to);
  await settle(element as HTMLElement & { updateComplete: Promise<boolean> });
}

describe('<beheer-form> with the meedenksessie builder', () => {
  it('is accessible with sessions and their details, and reflows at 320 px', async () => {
    api.addForm(series());
    const element = await existingForm('jeugdbeleid-2027');
    await previewWidget(element, 'ouder-meedenksessie');
    await expectAccessible();
    await expectReflow(element);
  });

  it('builds sessions: a date with begin and end on the Dutch clock, a place or online, places, a waiting list, a deadline; roles and needs', async () => {
    const element = await newForm('meedenksessie');
    await typeInto(byId('f-title'), 'Denk mee');
    await typeInto(byId('f-sessions-0-title'), 'Avond');
    await fillSession(element, 0, '2099-03-02', '19:30', '21:30');
    // On location is the default: it asks for the place.
    await typeInto(byId('f-sessions-0-location-name'), 'Bibliotheek');
    await typeInto(byId('f-sessions-0-capacity'), '12');
    await settle(element);
    byId('f-sessions-0-waitlist')!.click();
    await settle(element);
    await typeInto(byId('f-sessions-0-deadline'), '2099-02-28');
    await settle(element);
    button(element, 'Sessie toevoegen').click();
    await settle(element);
    expect(document.activeElement?.id).to.equal('f-sessions-1-title');
    await typeInto(byId('f-sessions-1-title'), 'Online avond');
    await fillSession(element, 1, '2099-07-06', '20:00', '21:00');
    byId('f-sessions-1-online-1')!.click();
    await settle(element);
    expect(byId('f-sessions-1-location-name')).to.equal(null);
    byId('f-multiple')!.click();
    await settle(element);
    button(element, 'Rol toevoegen').click();
    await settle(element);
    await typeInto(byId('f-roles-0-label'), 'Pleegouder');
    button(element, 'Behoefte toevoegen').click();
    await settle(element);
    await typeInto(byId('f-needs-0-label'), 'Kinderopvang');
    button(element, 'Opslaan als concept').click();
    await settle(element);
    const [post] = api.calls('POST', '/forms');
    expect((post.body as { definition: unknown }).definition).to.deep.equal({
      type: 'meedenksessie',
      id: 'denk-mee',
      title: 'Denk mee',
      multiple: true,
      sessions: [
        {
          id: 's1',
          title: 'Avond',
          start: '2099-03-02T19:30:00+01:00',
          end: '2099-03-02T21:30:00+01:00',
          location: { name: 'Bibliotheek' },
          capacity: 12,
          waitlist: true,
          deadline: '2099-02-28T23:59:00+01:00',
        },
        { id: 's2', title: 'Online avond', start: '2099-07-06T20:00:00+02:00', end: '2099-07-06T21:00:00+02:00', online: true },
      ],
      roles: [{ value: 'pleegouder', label: 'Pleegouder' }],
      needs: [{ value: 'kinderopvang', label: 'Kinderopvang' }],
    });
  });

  it('bad input: no title, an end before the begin, a session in the past, no place, a deadline after the begin', async () => {
    const element = await newForm('meedenksessie');
    await typeInto(byId('f-title'), 'Denk mee');
    await fillSession(element, 0, '2099-03-02', '21:00', '19:00');
    await typeInto(byId('f-sessions-0-deadline'), '2099-03-05');
    await settle(element);
    button(element, 'Opslaan als concept').click();
    await settle(element);
    const summary = element.querySelector('.error-summary')!;
    const messages = [...summary.querySelectorAll('li')].map((item) => item.textContent!.trim());
    expect(messages).to.deep.equal([
      'Geef de sessie een titel.',
      'De eindtijd moet na de begintijd liggen.',
      'Vul in waar de sessie is, of kies "online".',
      'Aanmelden moet sluiten vóór de sessie begint.',
    ]);
    expect(byId('f-sessions-0-end')!.getAttribute('aria-invalid')).to.equal('true');
    await fillSession(element, 0, '2020-03-02', '19:00', '21:00');
    button(element, 'Opslaan als concept').click();
    await settle(element);
    expect(summary.isConnected ? summary.textContent : element.querySelector('.error-summary')!.textContent).to.contain('Deze sessie begint in het verleden');
    expect(api.calls('POST', '/forms')).to.have.length(0);
    await expectAccessible();
  });

  it('keeps the answers of a form that has them: a retention setting is sent with the form', async () => {
    api.addForm(series());
    const element = await existingForm('jeugdbeleid-2027');
    await typeInto(byId('f-retentionDays'), 'een jaar');
    button(element, 'Opslaan als concept').click();
    await settle(element);
    expect(byId('f-retentionDays-error')!.textContent).to.contain('Vul een aantal dagen van 1 tot en met 3650 in');
    await typeInto(byId('f-retentionDays'), '60');
    button(element, 'Opslaan als concept').click();
    await settle(element);
    expect((api.calls('PUT', '/forms/jeugdbeleid-2027')[0].body as { retentionDays: number }).retentionDays).to.equal(60);
  });
});
