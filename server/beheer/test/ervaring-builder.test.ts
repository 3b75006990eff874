import { expect } from '@open-wc/testing';
import { FakeApi } from './fake-api.js';
import { story } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, newForm, previewWidget, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

describe('<beheer-form> with the story builder', () => {
  it('is accessible, with the real widget in the preview, and reflows at 320 px', async () => {
    api.addForm(story());
    const element = await existingForm('ervaringen-onderwijs');
    const widget = await previewWidget(element, 'ouder-ervaring');
    // The help box is the widget's own, in every state.
    expect(widget.shadowRoot!.querySelector('[part=help]')).to.not.equal(null);
    await expectAccessible();
    await expectReflow(element);
  });

  it('builds a story form: themes, regions, prompts, consent choices with the first name, retention, where drafts wait', async () => {
    const element = await newForm('ervaring');
    await typeInto(byId('f-title'), 'Jouw ervaring');
    await typeInto(byId('f-themes-0-label'), 'Passend onderwijs');
    button(element, 'Regio toevoegen').click();
    await settle(element);
    await typeInto(byId('f-regions-0-label'), 'Haaglanden');
    button(element, 'Hulpvraag toevoegen').click();
    await settle(element);
    expect(document.activeElement?.id).to.equal('f-prompts-0');
    await typeInto(byId('f-prompts-0'), 'Wat ging er goed?');
    button(element, 'Keuze toevoegen').click();
    await settle(element);
    await typeInto(byId('f-consentOptions-0-label'), 'Alleen intern');
    button(element, 'Keuze toevoegen').click();
    await settle(element);
    await typeInto(byId('f-consentOptions-1-label'), 'Met mijn voornaam');
    byId('f-consentOptions-1-needsName')!.click();
    await settle(element);
    await typeInto(byId('f-retentionDays'), '180');
    byId('f-draftStorage-1')!.click();
    await settle(element);
    button(element, 'Opslaan als concept').click();
    await settle(element);
    const [post] = api.calls('POST', '/forms');
    expect((post.body as { definition: unknown }).definition).to.deep.equal({
      type: 'ervaring',
      id: 'jouw-ervaring',
      title: 'Jouw ervaring',
      themes: [{ value: 'passend-onderwijs', label: 'Passend onderwijs' }],
      regions: [{ value: 'haaglanden', label: 'Haaglanden' }],
      prompts: ['Wat ging er goed?'],
      consentOptions: [
        { value: 'alleen-intern', label: 'Alleen intern' },
        { value: 'met-mijn-voornaam', label: 'Met mijn voornaam', needsName: true },
      ],
      retentionDays: 180,
      draftStorage: 'local',
    });
    // A story form's retention is its definition's: no separate setting is sent.
    expect('retentionDays' in (post.body as object)).to.be.false;
  });

  it('bad input: an empty theme, two themes with one value, a maximum below the minimum', async () => {
    const element = await newForm('ervaring');
    await typeInto(byId('f-title'), 'Jouw ervaring');
    button(element, 'Thema toevoegen').click();
    await settle(element);
    await typeInto(byId('f-themes-1-label'), 'School');
    await typeInto(byId('f-themes-0-label'), 'School');
    await settle(element);
    // Typed to the same value by hand.
    await typeInto(byId('f-themes-0-value'), 'school');
    await typeInto(byId('f-minLength'), '500');
    await typeInto(byId('f-maxLength'), '100');
    button(element, 'Thema toevoegen').click();
    await settle(element);
    button(element, 'Opslaan als concept').click();
    await settle(element);
    const messages = [...element.querySelectorAll('.error-summary li')].map((item) => item.textContent!.trim());
    expect(messages).to.deep.equal([
      'Vul het thema in, of verwijder het.',
      'Twee thema’s hebben de waarde "school". Geef elk een eigen waarde.',
      'De grootste lengte moet minstens zo groot zijn als de kleinste.',
    ]);
    expect(api.calls('POST', '/forms')).to.have.length(0);
    await expectAccessible();
  });
});
