import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/beheer-login.js';
import type { BeheerLogin } from '../src/elements/beheer-login.js';
import { FakeApi } from './fake-api.js';
import { poll } from './fixtures.js';
import { button, byId, existingForm, newForm, onPage, settle } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

const press = (key: string) => sendKeys({ press: key });

/** Whether the focused element shows that it has the focus (outline or the focus ring's shadow). */
function focusVisible(element: Element): boolean {
  const style = getComputedStyle(element);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
}

/** What Tab should reach in `root`, in order: one stop per radio group (its checked button). */
function tabStops(root: Element): Element[] {
  const seenGroups = new Set<string>();
  return [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')].filter((element) => {
    if ((element as HTMLInputElement).disabled || !element.checkVisibility() || element.closest('[inert]')) return false;
    if (element.getAttribute('role') === 'tab' && element.getAttribute('tabindex') === '-1') return false;
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      const group = root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${element.name}"]`);
      const stop = [...group].find((radio) => radio.checked) ?? group[0];
      if (seenGroups.has(element.name) || element !== stop) return false;
      seenGroups.add(element.name);
    }
    return true;
  });
}

describe('the console by keyboard only', () => {
  it('logs in with Tab, typing and Enter', async () => {
    const element = await onPage<BeheerLogin>(html`<beheer-login></beheer-login>`, 'Ouderstem beheer');
    byId('login-email')!.focus();
    await sendKeys({ type: 'anna@voorbeeldstad.nl' });
    await press('Tab');
    expect(document.activeElement?.id).to.equal('login-password');
    await sendKeys({ type: 'goed-wachtwoord-123' });
    await press('Tab');
    expect(document.activeElement?.id).to.equal('login-show');
    await press('Space');
    await settle(element);
    expect(byId('login-password')!.type).to.equal('text');
    await press('Tab');
    expect(document.activeElement?.textContent?.trim()).to.equal('Inloggen');
    const done = oneEvent(element, 'beheer-logged-in');
    await press('Enter');
    await done;
  });

  it('reaches every control of the poll builder with Tab, in order, each with a visible focus', async () => {
    api.addForm({ ...poll(), integrity: 'code' as const });
    const element = await existingForm('vervoer-2027');
    const main = element.querySelector('.editor__main')!;
    const expected = tabStops(main);
    expect(expected.length).to.be.greaterThan(40);
    (expected[0] as HTMLElement).focus();
    const reached: Element[] = [document.activeElement!];
    const hidden: string[] = [];
    for (let i = 1; i < expected.length; i++) {
      // A date or time field takes a Tab for each of its parts (day, month, year, its picker).
      const before = document.activeElement;
      for (let part = 0; part < 6 && document.activeElement === before; part++) await press('Tab');
      const active = document.activeElement!;
      reached.push(active);
      if (!focusVisible(active)) hidden.push(`${active.tagName.toLowerCase()}#${active.id}`);
    }
    const name = (el: Element) => `${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim().slice(0, 30)}`;
    expect(reached.map(name)).to.deep.equal(expected.map(name));
    expect(hidden).to.deep.equal([]);
  });

  it('builds a question with the keyboard: Enter on buttons, Space on a checkbox, arrows in a choice, Alt+arrow to move', async () => {
    const element = await newForm('peiling');
    byId('f-title')!.focus();
    await sendKeys({ type: 'Vervoer' });
    byId('f-questions-0-label')!.focus();
    await sendKeys({ type: 'Eerste vraag' });
    byId('f-questions-add')!.focus();
    await press('Enter');
    await settle(element);
    expect(document.activeElement?.id).to.equal('f-questions-1-label');
    await sendKeys({ type: 'Tweede vraag' });
    // The type list, then "Open vraag" with the arrow keys.
    byId('f-questions-1-type')!.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    await settle(element);
    expect(byId<HTMLSelectElement>('f-questions-1-type')!.value).to.equal('open');
    byId('f-questions-1-required')!.focus();
    await press('Space');
    await settle(element);
    expect(byId('f-questions-1-required')!.checked).to.be.false;
    byId('f-results-0')!.focus();
    await press('ArrowDown');
    await settle(element);
    expect(byId('f-results-1')!.checked).to.be.true;
    byId('f-questions-1-label')!.focus();
    await sendKeys({ down: 'Alt' });
    await press('ArrowUp');
    await sendKeys({ up: 'Alt' });
    await settle(element);
    expect(document.activeElement?.id).to.equal('f-questions-0-label');
    expect(byId('f-questions-0-label')!.value).to.equal('Tweede vraag');
    // Saving with Enter: the first question still has empty answers, so the summary takes the focus.
    button(element, 'Opslaan als concept').focus();
    await press('Enter');
    await settle(element);
    expect(document.activeElement?.className).to.equal('error-summary');
    await press('Tab');
    expect(document.activeElement?.textContent).to.equal('Vul het antwoord in, of verwijder het.');
    await press('Enter');
    expect(document.activeElement?.id).to.equal('f-questions-1-options-0-label');
  });
});
