import { expect } from '@open-wc/testing';
import { FakeApi } from './fake-api.js';
import { poll, series, story } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, loaded, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

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

  it('a poll by period and language: counts again for the choice, responses per day, open answers searched', async () => {
    api.addForm(poll(), { state: 'gepubliceerd', publishedVersion: 1 });
    api.results = {
      total: 3,
      tally: { total: 3, questions: { v1: { counts: { ja: 2, nee: 1 }, total: 3 } } },
      timeline: [{ day: '2027-03-01', n: 2 }, { day: '2027-03-02', n: 1 }],
      languages: [{ lang: 'nl', n: 2 }, { lang: 'en', n: 1 }],
    };
    api.openAnswers = [
      { question: 'v1', kind: 'other', text: 'Via de juf', receivedAt: '2027-03-02T09:00:00Z', lang: 'nl' },
      { question: 'v1', kind: 'other', text: 'By bus', receivedAt: '2027-03-01T09:00:00Z', lang: 'en' },
    ];
    const element = await loaded(await existingForm('vervoer-2027', 'resultaten', 'lezer'), 'beheer-answers .answers');
    expect([...element.querySelectorAll('.timeline tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['1 mrt 2027 2', '2 mrt 2027 1']);
    expect(element.querySelectorAll('.answers li')).to.have.length(2);
    await typeInto(byId('filter-from'), '2027-03-02');
    const lang = byId<HTMLSelectElement>('filter-lang')!;
    lang.value = 'en';
    lang.dispatchEvent(new Event('change'));
    const toon = button(element, 'Toon');
    toon.focus();
    toon.click();
    for (let i = 0; i < 5; i++) await settle(element);
    expect(api.requests.filter((request) => request.path === '/forms/vervoer-2027/results').map((request) => request.query)).to.deep.equal([undefined, '?from=2027-03-02&lang=en']);
    expect(element.querySelector('.big-number')!.textContent).to.contain('(in deze selectie)');
    expect(document.activeElement, 'the focus stays on the button').to.equal(toon);
    await typeInto(byId('answers-search'), 'juf');
    element.querySelector<HTMLFormElement>('beheer-answers form')!.requestSubmit();
    for (let i = 0; i < 5; i++) await settle(element);
    expect([...element.querySelectorAll('.answers .answer__text')].map((item) => item.textContent)).to.deep.equal(['Via de juf']);
    expect(element.querySelector('beheer-answers [role=status]')!.textContent).to.equal('1 antwoord.');
    await expectAccessible();
    await expectReflow(element);
  });

  it('sign-ups: how long after their session they are kept', async () => {
    api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1 });
    api.results = { total: 1, sessions: [], retentionDaysAfterSession: 30 };
    const element = await loaded(await existingForm('jeugdbeleid-2027', 'resultaten'), '.retention');
    expect(element.querySelector('.retention')!.textContent!.replace(/\s+/g, ' ')).to.contain('Aanmeldingen worden 30 dagen na hun (laatste) sessie verwijderd.');
  });

  it('a session\'s sign-ups: needs by label, the waiting list in order, a place given by hand, the attendance list; after it began, who came', async () => {
    api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1 });
    api.results = { total: 3, sessions: [{ id: 's1', capacity: 1, confirmed: 1, waitlisted: 2, cancelled: 0, remaining: 0 }], retentionDaysAfterSession: 30 };
    const person = (id: string, name: string, status: string, position: number | null) => ({ id, name, status, position, email: `${id}@example.nl`, phone: null, needs: ['tolk'], attended: null });
    api.signupLists.set('s1', {
      session: { id: 's1', title: 'Avond in de bibliotheek', start: '2099-03-02T18:30:00Z', end: '2099-03-02T20:30:00Z', needs: [{ value: 'tolk', label: 'Een tolk', count: 1 }], deleteAt: '2099-04-01T20:30:00Z' },
      signups: [person('a', 'Fatima', 'confirmed', null), person('b', 'Joost', 'waitlisted', 1), person('c', 'Sanne', 'waitlisted', 2)],
    });
    const element = await loaded(await existingForm('jeugdbeleid-2027', 'resultaten'), 'tbody button');
    button(element, 'Bekijken: Avond in de bibliotheek').click();
    await loaded(element, 'beheer-signups tbody');
    const rows = () => [...element.querySelectorAll('beheer-signups tbody tr')].map((row) => [...row.children].slice(0, 3).map((cell) => cell.textContent!.trim()));
    expect(rows()).to.deep.equal([
      ['Fatima', 'Heeft een plaats', 'Een tolk'],
      ['Joost', 'Wachtlijst (1)', 'Een tolk'],
      ['Sanne', 'Wachtlijst (2)', 'Een tolk'],
    ]);
    expect(element.querySelector('beheer-signups')!.textContent).to.contain('Nodig: 1× Een tolk.');
    expect(element.querySelector('beheer-signups')!.textContent).to.contain('1 april 2099');
    expect(element.querySelector<HTMLAnchorElement>('beheer-signups a')!.getAttribute('href')).to.equal('/beheer/forms/jeugdbeleid-2027/sessions/s1/print');
    await expectAccessible();
    // The organiser chooses who gets the place, not only the first in line.
    button(element, 'Plaats geven: Sanne').click();
    await settle(element);
    await settle(element);
    expect(api.calls('POST', '/forms/jeugdbeleid-2027/sessions/s1/promote')[0]!.body).to.deep.equal({ signupId: 'c' });
    expect(rows()[2]).to.deep.equal(['Sanne', 'Heeft een plaats', 'Een tolk']);

    // The same list once the session began: who came, by checkbox.
    const list = api.signupLists.get('s1')!;
    list.session.start = '2020-01-01T18:00:00Z';
    button(element, 'Bekijken: Avond in de bibliotheek').click();
    await settle(element);
    button(element, 'Bekijken: Avond in de bibliotheek').click();
    await loaded(element, 'beheer-signups input[type=checkbox]');
    byId('attended-a')!.click();
    await settle(element);
    await settle(element);
    expect(api.calls('PUT', '/forms/jeugdbeleid-2027/sessions/s1/attendance')[0]!.body).to.deep.equal({ attended: { a: true } });
    expect(byId('attended-a')!.checked).to.equal(true);
    await expectAccessible();
    await expectReflow(element);
  });

  it('stories: read, themes tagged, a passage left out before anything is quoted, filtered by theme', async () => {
    api.addForm(story(), { state: 'gepubliceerd', publishedVersion: 1 });
    api.results = { total: 1, unread: 1, themes: [], retentionDays: 365 };
    api.stories = [
      {
        id: 's-1',
        receivedAt: '2027-03-01T09:00:00Z',
        original: 'Mijn zoon Daan kreeg op De Linde eindelijk hulp.',
        redactions: [],
        themes: [{ value: 'onderwijs', label: 'Onderwijs' }],
        tags: [],
        consent: { value: 'internal', label: 'Alleen binnen de organisatie' },
        read: false,
        deleteAt: '2028-02-29T09:00:00Z',
      },
    ];
    const element = await loaded(await existingForm('ervaringen-onderwijs', 'resultaten'), 'beheer-stories .story');
    const text = () => element.querySelector('.story__text')!.textContent!.trim();
    expect(text()).to.equal('Mijn zoon Daan kreeg op De Linde eindelijk hulp.');
    await expectAccessible();

    await typeInto(byId('passage-s-1'), 'Daan');
    element.querySelector<HTMLFormElement>('.story form')!.requestSubmit();
    await settle(element);
    await settle(element);
    expect(api.calls('PATCH', '/forms/ervaringen-onderwijs/stories/s-1')[0]!.body).to.deep.equal({ redactions: [{ start: 10, end: 14, kind: 'naam' }] });
    expect(text()).to.equal('Mijn zoon [naam] kreeg op De Linde eindelijk hulp.');
    // A passage that is not in the story (or only where something was already left out) says so, at its field.
    await typeInto(byId('passage-s-1'), 'Daan');
    element.querySelector<HTMLFormElement>('.story form')!.requestSubmit();
    await settle(element);
    expect(element.querySelector('.story [role=alert]')!.textContent).to.contain('staat niet (nog een keer) in het verhaal');
    expect(document.activeElement).to.equal(byId('passage-s-1'));

    button(element, 'Markeer als gelezen').click();
    await settle(element);
    await settle(element);
    expect(api.calls('PATCH', '/forms/ervaringen-onderwijs/stories/s-1').at(-1)!.body).to.deep.equal({ read: true });
    expect(element.querySelector('.story h3 .badge')).to.equal(null);
    await expectAccessible();
    await expectReflow(element);

    const theme = byId<HTMLSelectElement>('stories-theme')!;
    theme.value = 'zorg';
    theme.dispatchEvent(new Event('change'));
    await settle(element);
    await settle(element);
    expect(element.querySelector('beheer-stories')!.textContent).to.contain('Geen verhalen met dit thema.');
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
