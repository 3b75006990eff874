import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BeheerForm } from '../src/elements/beheer-form.js';
import { FakeApi } from './fake-api.js';
import { poll } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, newForm, previewWidget, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

async function fillNewPoll(element: BeheerForm): Promise<void> {
  await typeInto(byId('f-title'), 'Hoe gaat het vervoer?');
  await typeInto(byId('f-questions-0-label'), 'Komt de bus op tijd?');
  await typeInto(byId('f-questions-0-options-0-label'), 'Ja, altijd');
  await typeInto(byId('f-questions-0-options-1-label'), 'Nee');
  await settle(element);
}

describe('<beheer-form> with the poll builder', () => {
  it('is accessible when new, and reflows at 320 px', async () => {
    const element = await newForm('peiling');
    expect(element.querySelector('h1')!.textContent).to.equal('Nieuw: peiling');
    await expectAccessible();
    await expectReflow(element);
  });

  it('builds a poll: the address follows the title, values follow labels, saving makes a concept and never publishes', async () => {
    const element = await newForm('peiling');
    await fillNewPoll(element);
    expect(byId('f-id')!.value).to.equal('hoe-gaat-het-vervoer');
    // A second question, a scale with its ends.
    button(element, 'Vraag toevoegen').click();
    await settle(element);
    expect(document.activeElement?.id).to.equal('f-questions-1-label');
    const type = byId<HTMLSelectElement>('f-questions-1-type')!;
    type.value = 'scale';
    type.dispatchEvent(new Event('change'));
    await settle(element);
    await typeInto(byId('f-questions-1-label'), 'Hoe tevreden ben je?');
    await typeInto(byId('f-questions-1-minLabel'), 'Niet');
    await typeInto(byId('f-questions-1-maxLabel'), 'Heel erg');
    byId('f-questions-0-other')!.click();
    await settle(element);
    byId('f-results-1')!.click();
    await settle(element);
    byId('f-outcomeOptIn')!.click();
    await settle(element);
    button(element, 'Opslaan als concept').click();
    await settle(element);
    const [post] = api.calls('POST', '/forms');
    expect(post.body).to.deep.equal({
      type: 'peiling',
      definition: {
        type: 'peiling',
        id: 'hoe-gaat-het-vervoer',
        title: 'Hoe gaat het vervoer?',
        questions: [
          {
            id: 'v1',
            type: 'single',
            label: 'Komt de bus op tijd?',
            required: true,
            options: [
              { value: 'ja-altijd', label: 'Ja, altijd' },
              { value: 'nee', label: 'Nee' },
            ],
            other: true,
          },
          { id: 'v2', type: 'scale', label: 'Hoe tevreden ben je?', required: true, min: 1, max: 5, minLabel: 'Niet', maxLabel: 'Heel erg' },
        ],
        results: 'after-close',
        integrity: 'open',
        outcomeOptIn: true,
      },
    });
    expect(api.calls('POST', '/forms/hoe-gaat-het-vervoer/publish')).to.have.length(0);
    expect(element.querySelector('.actions [role=status]')!.textContent).to.contain('Ouders zien het formulier pas als je het publiceert');
  });

  it('moves questions and answers with the buttons and with Alt+arrow, and keeps the focus on what moved', async () => {
    api.addForm(poll());
    const element = await existingForm('vervoer-2027');
    byId('f-questions-1-up')!.focus();
    byId('f-questions-1-up')!.click();
    await settle(element);
    expect(element.querySelectorAll('.items > .item h3')[0].textContent).to.contain('Hoe tevreden ben je?');
    expect(document.activeElement!.id).to.equal('f-questions-0-up');
    expect(document.activeElement!.getAttribute('aria-disabled')).to.equal('true');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(document.getElementById('beheer-announcer')!.textContent).to.equal('Vraag 2 staat nu op plaats 1 van 2.');
    // Alt+↓ in an answer's field moves that answer; the field keeps the focus.
    byId('f-questions-1-options-0-label')!.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await settle(element);
    expect(document.activeElement!.id).to.equal('f-questions-1-options-1-label');
    expect(byId('f-questions-1-options-1-label')!.value).to.equal('Ja');
    // Removing an answer puts the focus on what took its place.
    byId('f-questions-1-options-0-remove')!.click();
    await settle(element);
    expect(byId('f-questions-1-options-0-label')!.value).to.equal('Ja');
    expect(document.activeElement!.id).to.equal('f-questions-1-options-0-remove');
  });

  describe('bad input', () => {
    it('an empty question: the error summary takes the focus, its link goes to the field, nothing is sent', async () => {
      const element = await newForm('peiling');
      await fillNewPoll(element);
      await typeInto(byId('f-questions-0-label'), '   ');
      button(element, 'Opslaan als concept').click();
      await settle(element);
      const summary = element.querySelector<HTMLElement>('.error-summary')!;
      expect(document.activeElement?.className).to.equal('error-summary');
      expect(summary.textContent).to.contain('Vul de vraag in.');
      const field = byId('f-questions-0-label')!;
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.contain('f-questions-0-label-error');
      expect(byId('f-questions-0-label-error')!.textContent).to.equal('Fout: Vul de vraag in.');
      summary.querySelector('a')!.click();
      expect(document.activeElement?.id).to.equal('f-questions-0-label');
      expect(api.calls('POST', '/forms')).to.have.length(0);
      await expectAccessible();
      // Fixed, and the message goes when the field is left.
      await typeInto(field, 'Komt de bus op tijd?');
      field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await settle(element);
      expect(element.querySelector('.error-summary')).to.equal(null);
    });

    it('a duplicate option value: said at the value, which opens its box', async () => {
      const element = await newForm('peiling');
      await fillNewPoll(element);
      const details = element.querySelector<HTMLDetailsElement>('details.values')!;
      expect(details.open).to.be.false;
      await typeInto(byId('f-questions-0-options-1-value'), 'ja-altijd');
      button(element, 'Opslaan als concept').click();
      await settle(element);
      expect(details.open).to.be.true;
      expect(byId('f-questions-0-options-1-value-error')!.textContent).to.contain('Twee antwoorden hebben de waarde "ja-altijd"');
      expect(api.calls('POST', '/forms')).to.have.length(0);
    });

    it('a closing date in the past: said at the date field', async () => {
      const element = await newForm('peiling');
      await fillNewPoll(element);
      await typeInto(byId('f-closesAt'), '2020-05-01');
      await settle(element);
      button(element, 'Opslaan als concept').click();
      await settle(element);
      expect(byId('f-closesAt-error')!.textContent).to.contain('Deze sluitingsdatum ligt in het verleden');
      expect(byId('f-closesAt')!.getAttribute('aria-invalid')).to.equal('true');
      // A date in the future is stored as that day at 23:59 on the Dutch clock.
      await typeInto(byId('f-closesAt'), '2099-01-31');
      button(element, 'Opslaan als concept').click();
      await settle(element);
      expect((api.calls('POST', '/forms')[0].body as { definition: { closesAt: string } }).definition.closesAt).to.equal('2099-01-31T23:59:00+01:00');
    });

    it('a 422 from the server lands at the field its JSON Pointer names; a 409 id-taken at the address', async () => {
      const element = await newForm('peiling');
      await fillNewPoll(element);
      api.failNext('POST', '/forms', { status: 422, body: { errors: [{ field: '/questions/0/options/1/label', code: 'too-long', message: 'Maak dit antwoord korter.' }] } });
      button(element, 'Opslaan als concept').click();
      await settle(element);
      expect(byId('f-questions-0-options-1-label-error')!.textContent).to.contain('Maak dit antwoord korter.');
      expect(element.querySelector('.error-summary')!.textContent).not.to.contain('/questions');
      api.addForm({ ...poll(), id: 'hoe-gaat-het-vervoer' });
      button(element, 'Opslaan als concept').click();
      await settle(element);
      expect(byId('f-id-error')!.textContent).to.contain('Dit webadres is al in gebruik');
    });
  });

  it('translates in a tab per language, lists what is missing, and saves the texts by language', async () => {
    api.addForm({ ...poll(), title: 'Vervoer', questions: [{ id: 'v1', type: 'open' as const, label: 'Wat kan beter?' }] });
    const element = await existingForm('vervoer-2027');
    const select = byId<HTMLSelectElement>('add-language')!;
    select.value = 'en';
    button(element, 'Toevoegen').click();
    await settle(element);
    expect(byId('tab-en')!.getAttribute('aria-selected')).to.equal('true');
    expect(document.activeElement?.id).to.equal('tab-en');
    const overview = element.querySelector('beheer-missing-translations')!;
    expect(overview.textContent).to.contain('Engels: nog 3 teksten te vertalen');
    const title = byId('f-title')!;
    expect(title.getAttribute('lang')).to.equal('en');
    expect(byId('f-title-hint')!.textContent).to.contain('Nederlands: Vervoer');
    await typeInto(title, 'Transport');
    await settle(element);
    expect(overview.textContent).to.contain('nog 2 teksten');
    await expectAccessible();
    // Arrow keys move between the tabs.
    byId('tab-en')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(element);
    expect(byId('tab-nl')!.getAttribute('aria-selected')).to.equal('true');
    expect(byId<HTMLInputElement>('f-title')!.value).to.equal('Vervoer');
    // A missing text's link opens its tab and focuses its field.
    overview.querySelector('a')!.click();
    await settle(element);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement!.id).to.equal('f-intro');
    button(element, 'Opslaan als concept').click();
    await settle(element);
    const [put] = api.calls('PUT', '/forms/vervoer-2027');
    expect((put.body as { definition: { title: unknown }; baseVersion: number }).definition.title).to.deep.equal({ nl: 'Vervoer', en: 'Transport' });
    expect((put.body as { baseVersion: number }).baseVersion).to.equal(1);
  });

  it('previews the real widget as the editor types, in each language and at phone width, and never sends', async () => {
    api.addForm(poll());
    const element = await existingForm('vervoer-2027');
    const widget = await previewWidget(element);
    expect(widget.getAttribute('storage')).to.equal('none');
    expect(widget.closest('.preview__frame')!.classList.contains('preview__frame--phone')).to.be.true;
    expect(widget.closest<HTMLElement>('.preview__frame')!.getBoundingClientRect().width).to.be.at.most(360);
    await expectAccessible();
    await typeInto(byId('f-title'), 'Nieuwe titel');
    await settle(element);
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('h2')!.textContent).to.equal('Nieuwe titel');
    byId('preview-language-1')!.click();
    await settle(element);
    expect(widget.getAttribute('lang')).to.equal('en');
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('h2')!.textContent).to.equal('How is school transport going?');
    byId('preview-width-1')!.click();
    await settle(element);
    expect(widget.closest('.preview__frame')!.classList.contains('preview__frame--desktop')).to.be.true;
    // A parent's answer in the preview is vetoed before it is posted.
    const posts: string[] = [];
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if ((init?.method ?? 'GET') === 'POST') posts.push(String(input));
      return fetchBefore(input, init);
    };
    (widget.shadowRoot!.querySelector('input[type=radio]') as HTMLInputElement).click();
    (widget.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle(element);
    globalThis.fetch = fetchBefore;
    expect(posts).to.deep.equal([]);
    expect(element.querySelector('.preview__status')!.textContent).to.contain('er is niets verstuurd');
  });

  it('publishes: a draft with changes is saved first, then that version goes live', async () => {
    api.addForm(poll());
    const element = await existingForm('vervoer-2027');
    expect(element.querySelector('.badge')!.textContent).to.equal('Concept');
    await typeInto(byId('f-title'), 'Vervoer 2027');
    button(element, 'Publiceren').click();
    await settle(element);
    await settle(element);
    expect(api.calls('PUT', '/forms/vervoer-2027')).to.have.length(1);
    expect(api.calls('POST', '/forms/vervoer-2027/publish')[0].body).to.deep.equal({ version: 2 });
    expect(element.querySelector('.badge')!.textContent).to.equal('Gepubliceerd');
    expect(element.querySelector('.actions [role=status]')!.textContent).to.contain('Versie 2 is gepubliceerd');
    const versions = [...element.querySelectorAll('.versions li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
    expect(versions).to.have.length(2);
    expect(versions[0]).to.match(/^Versie 2, .*, anna@voorbeeldstad\.nl \(gepubliceerd\)$/);
    expect(versions[1]).to.match(/^Versie 1, /);
  });

  it('closes, opens again, archives (after asking) and brings back a published form', async () => {
    api.addForm(poll(), { state: 'gepubliceerd', publishedVersion: 1 });
    const element = await existingForm('vervoer-2027');
    const states = () => api.calls('POST', '/forms/vervoer-2027/state').map((call) => (call.body as { state: string }).state);
    button(element, 'Sluiten').click();
    await settle(element);
    expect(element.querySelector('.badge')!.textContent).to.equal('Gesloten');
    expect(element.querySelector('.actions [role=status]')!.textContent).to.contain('ouders kunnen niet meer meedoen');
    button(element, 'Weer openen').click();
    await settle(element);
    const confirm = window.confirm;
    let asked = '';
    window.confirm = (question) => ((asked = question ?? ''), false);
    button(element, 'Archiveren').click();
    await settle(element);
    expect(asked).to.contain('De antwoorden blijven bewaard');
    expect(states()).to.deep.equal(['gesloten', 'gepubliceerd']);
    window.confirm = () => true;
    button(element, 'Archiveren').click();
    await settle(element);
    window.confirm = confirm;
    expect(element.querySelector('.badge')!.textContent).to.equal('Gearchiveerd');
    button(element, 'Uit het archief halen').click();
    await settle(element);
    expect(states()).to.deep.equal(['gesloten', 'gepubliceerd', 'gearchiveerd', 'gesloten']);
  });

  it('says when someone else saved in between', async () => {
    api.addForm(poll());
    const element = await existingForm('vervoer-2027');
    api.failNext('PUT', '/forms/vervoer-2027', { status: 409, body: { errors: [{ code: 'version-conflict', message: 'Dit formulier is intussen door iemand anders opgeslagen.' }] } });
    await typeInto(byId('f-title'), 'Vervoer 2027');
    button(element, 'Opslaan als concept').click();
    await settle(element);
    expect(element.textContent).to.contain('Iemand anders heeft dit formulier opgeslagen terwijl jij het bewerkte');
    button(element, 'Laad de nieuwste versie').click();
    await settle(element);
    expect(byId('f-title')!.value).to.equal('Hoe gaat het leerlingenvervoer?');
  });

  it('makes participation codes for a poll with codes: CSV and a printable sheet', async () => {
    api.addForm({ ...poll(), integrity: 'code' as const });
    const element = await existingForm('vervoer-2027');
    const count = byId('codes-count')!;
    await typeInto(count, 'veel');
    button(element, 'Codes maken').click();
    await settle(element);
    expect(byId('codes-count-error')!.textContent).to.contain('Vul een aantal van 1 tot en met 5000 in.');
    await typeInto(count, '30');
    button(element, 'Codes maken').click();
    await settle(element);
    expect(api.calls('POST', '/forms/vervoer-2027/codes')[0].body).to.deep.equal({ count: 30 });
    expect(element.querySelector('beheer-codes [role=status]')!.textContent).to.contain('30 codes gemaakt');
    const links = [...element.querySelectorAll<HTMLAnchorElement>('beheer-codes a')].map((link) => link.getAttribute('href'));
    expect(links).to.deep.equal(['/beheer/api/forms/vervoer-2027/codes.csv', '/beheer/forms/vervoer-2027/codes/print']);
    await expectAccessible();
  });

  it('is read-only for a lezer', async () => {
    api.addForm(poll());
    const element = await existingForm('vervoer-2027', 'bewerken', 'lezer');
    expect(byId('f-title')!.disabled).to.be.true;
    expect(element.querySelector('.actions')).to.equal(null);
    expect(element.querySelector('#f-questions-add')).to.equal(null);
  });
});
