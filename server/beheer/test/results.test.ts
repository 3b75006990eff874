import { expect } from '@open-wc/testing';
import { FakeApi } from './fake-api.js';
import { poll, series } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

async function loaded<T extends HTMLElement & { updateComplete: Promise<boolean> }>(element: T, ready: string): Promise<T> {
  const start = performance.now();
  while (!element.querySelector(ready) && performance.now() - start < 3000) await settle(element);
  expect(element.querySelector(ready), `${ready} in ${element.tagName}`).to.not.equal(null);
  return element;
}

const summaryTexts = (element: Element) => [...element.querySelectorAll('.error-summary li')].map((item) => item.textContent!.trim());

describe('console results (#13)', () => {
  it('marks a question too few parents answered, says how long answers are kept, and offers the exports', async () => {
    api.addForm(poll(), { state: 'gepubliceerd', publishedVersion: 1 });
    api.results = {
      total: 12,
      tally: { total: 12, questions: { v1: { counts: { ja: 8, nee: 4 }, total: 12 }, v2: { counts: { 4: 3 }, total: 3 } } },
      tooFew: ['v2'],
      minResponses: 10,
      retentionDays: 365,
    };
    const element = await loaded(await existingForm('vervoer-2027', 'resultaten', 'lezer'), 'beheer-outcome form');
    const captions = [...element.querySelectorAll('caption')].map((caption) => caption.textContent!.replace(/\s+/g, ' ').trim());
    expect(captions[0]).not.to.contain('te weinig');
    expect(captions[1]).to.contain('te weinig antwoorden om te publiceren');
    expect(element.querySelector('.retention')!.textContent).to.contain('Antwoorden worden 365 dagen na ontvangst verwijderd.');
    const downloads = [...element.querySelectorAll<HTMLAnchorElement>('.downloads a')].map((link) => link.getAttribute('href'));
    expect(downloads).to.deep.equal([
      '/beheer/api/forms/vervoer-2027/export.csv',
      '/beheer/api/forms/vervoer-2027/export.csv?part=totalen',
      '/beheer/api/forms/vervoer-2027/export.xlsx',
    ]);
    // A lezer reads the terugkoppeling but cannot change or publish it.
    expect(byId('outcome-text-nl')!.disabled).to.equal(true);
    expect([...element.querySelectorAll('beheer-outcome button')]).to.have.length(0);
    await expectAccessible();
    await expectReflow(element);
  });

  it('sign-ups: how long after their session they are kept', async () => {
    api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1 });
    api.results = { total: 1, sessions: [], retentionDaysAfterSession: 30 };
    const element = await loaded(await existingForm('jeugdbeleid-2027', 'resultaten'), '.retention');
    expect(element.querySelector('.retention')!.textContent!.replace(/\s+/g, ' ')).to.contain('Aanmeldingen worden 30 dagen na hun (laatste) sessie verwijderd.');
  });

  it('writes the terugkoppeling in every language with a status and a date, names what is missing, and publishes it', async () => {
    api.addForm(poll(), { state: 'gesloten', publishedVersion: 1 });
    const element = await loaded(await existingForm('vervoer-2027', 'resultaten', 'redacteur'), 'beheer-outcome form');
    expect(element.querySelector('.outcome-state')!.textContent).to.contain('Nog niet gepubliceerd');
    byId('outcome-status-2')!.click();
    await typeInto(byId('outcome-date'), '2027-04-15');
    await typeInto(byId('outcome-text-nl'), 'Vanaf september heeft elke school één vast aanspreekpunt.');
    button(element, 'Publiceren').click();
    for (let i = 0; i < 5; i++) await settle(element);
    // The English text is missing: the summary names it and links to its field.
    expect(summaryTexts(element)).to.deep.equal(['Schrijf de terugkoppeling ook in het en.']);
    expect(document.activeElement!.closest('.error-summary')).to.not.equal(null);
    expect(byId('outcome-text-en')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible();

    await typeInto(byId('outcome-text-en'), 'From September every school has one fixed contact.');
    button(element, 'Publiceren').click();
    for (let i = 0; i < 5; i++) await settle(element);
    const [saved] = api.calls('PUT', '/forms/vervoer-2027/outcome').slice(-1);
    expect(saved!.body).to.deep.include({ status: 'besloten', date: '2027-04-15', showResults: true });
    expect(saved!.body).to.have.nested.property('texts.en', 'From September every school has one fixed contact.');
    expect(api.calls('POST', '/forms/vervoer-2027/outcome/publish')).to.have.length(2);
    expect(element.querySelector('beheer-outcome [role=status]')!.textContent).to.contain('De terugkoppeling is gepubliceerd. 2 ouders krijgen haar per e-mail.');
    expect(element.querySelector('.outcome-state')!.textContent).to.contain('Besloten');
    expect(summaryTexts(element)).to.deep.equal([]);
    await expectAccessible();
  });
});
