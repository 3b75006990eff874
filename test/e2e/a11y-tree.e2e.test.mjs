// What a screen reader is given: the accessibility tree Chromium builds (CDP
// Accessibility.getFullAXTree), one test per widget against the real server. Names (with the
// space before "(niet verplicht)"), descriptions, invalid and required states, heading levels,
// and the language of definition text shown in a language other than the widget's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hostPage, htmlRoute, launchBrowser, root, startServer, startStaticServer } from './harness.mjs';
import { join } from 'node:path';
import { presentWidgets, widgetOn } from './widgets.mjs';

/** The page's accessibility tree: every node that is not ignored, with its role, name, description and states. */
async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  /** The language that applies to a node's DOM element: the nearest `lang`, across shadow roots. */
  const languageOf = async (backendNodeId) => {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        let node = this.nodeType === 1 ? this : this.parentNode;
        while (node) {
          if (node.nodeType === 1 && node.getAttribute('lang')) return node.getAttribute('lang');
          node = node.parentNode ?? node.host;
        }
        return undefined;
      }`,
    });
    return result.value;
  };
  const list = nodes
    .filter((node) => !node.ignored)
    .map((node) => ({
      role: node.role?.value,
      name: node.name?.value ?? '',
      description: node.description?.value ?? '',
      states: Object.fromEntries((node.properties ?? []).map((property) => [property.name, property.value.value])),
      lang: () => languageOf(node.backendDOMNodeId),
    }));
  /** The one node with this role and name (a string is matched exactly, a RegExp anywhere). */
  list.find1 = (role, name) => {
    const found = list.filter((node) => node.role === role && (name instanceof RegExp ? name.test(node.name) : node.name === name));
    assert.equal(found.length, 1, `one ${role} named ${name}; found ${found.length}: ${JSON.stringify(list.filter((node) => node.role === role).map((node) => node.name))}`);
    return found[0];
  };
  return list;
}

/** Asserts the states of a node: `invalid` is 'true' or 'false' in CDP, `required` a boolean. */
function assertStates(node, expected, what) {
  for (const [state, value] of Object.entries(expected)) {
    const actual = state === 'invalid' ? (node.states.invalid ?? 'false') : (node.states[state] ?? false);
    assert.equal(actual, value, `${what}: ${state}`);
  }
}

const pages = {
  // The demo poll has Dutch and English: on an Arabic page its text falls back to Dutch.
  peiling: { markup: '<ouder-peiling endpoint="/api/forms/ouderbetrokkenheid-2027" lang="ar"></ouder-peiling>' },
  // Session titles and places are plain (Dutch) strings in the demo: on an English page they are Dutch.
  meedenksessie: { markup: '<ouder-meedenksessie endpoint="/api/forms/meedenksessies-2027" lang="en"></ouder-meedenksessie>' },
  ervaring: { markup: '<ouder-ervaring endpoint="/api/forms/deel-je-ervaring" register="u" privacy-url="/privacy.html"></ouder-ervaring>' },
  netwerkkaart: { markup: '<ouder-netwerkkaart endpoint="/api/networks" lang="en" heading-level="3"></ouder-netwerkkaart>' },
};

describe('the accessibility tree of every widget', () => {
  let browser;
  let server;
  let site;
  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const routes = Object.fromEntries(Object.entries(pages).map(([name, { markup }]) => [`/${name}.html`, htmlRoute(hostPage(markup))]));
    site = await startStaticServer(join(root, 'dist'), { routes, target: server.url });
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
    await server?.stop();
    server?.cleanUp();
  });

  /** Opens the widget's page and waits until it has rendered its definition. */
  async function open(name, ready) {
    const page = await browser.newPage();
    await page.goto(`${site.url}/${name}.html`);
    const element = widgetOn(page, presentWidgets().find((widget) => widget.name === name));
    await element.locator(ready).first().waitFor();
    return { page, element };
  }

  const registered = new Set(presentWidgets().map((widget) => widget.name));
  const only = (name, title, test) => registered.has(name) && it(title, test);

  only('peiling', '<ouder-peiling> in Arabic: Dutch fallback text is marked nl, the question group is invalid and its radios required after a failed step', async () => {
    const { page, element } = await open('peiling', 'form');
    try {
      let tree = await accessibilityTree(page);
      const title = 'Hoe wil je meedenken over passend onderwijs en jeugdhulp?';
      assert.equal(tree.find1('heading', title).states.level, 2);
      assert.equal(await tree.find1('StaticText', title).lang(), 'nl', 'the Dutch title is marked as Dutch inside the Arabic widget');
      const deadline = tree.find((node) => node.role === 'StaticText' && /يمكنك المشاركة حتى نهاية يوم/.test(node.name));
      assert.ok(deadline, 'the deadline: up to and including the last day');
      assert.doesNotMatch(deadline.name, /(^|\s)[صم](\s|\.|$)/, 'no bare AM/PM marker');
      tree.find1('radio', 'Ja, vaker dan eens');
      assert.equal(await tree.find1('StaticText', 'Ja, vaker dan eens').lang(), 'nl');
      assert.equal(await tree.find1('StaticText', 'السؤال 1 من 4').lang(), 'ar');

      await element.locator('button[type=submit]').click();
      await element.locator('.error-summary').waitFor();
      tree = await accessibilityTree(page);
      const group = tree.find1('radiogroup', /^Heb je ooit meegedacht/);
      assertStates(group, { invalid: 'true' }, 'the question');
      assert.match(group.description, /اختر إجابة/, 'the group is described by its error');
      assertStates(group, { required: true }, 'the question');
      for (const radio of tree.filter((node) => node.role === 'radio')) assertStates(radio, { invalid: 'false' }, `${radio.name}: the choice itself`);
    } finally {
      await page.close();
    }
  });

  only('meedenksessie', '<ouder-meedenksessie> in English: session titles marked nl, the optional phone named with its space, invalid and required states after a failed submit', async () => {
    const { page, element } = await open('meedenksessie', 'form');
    try {
      let tree = await accessibilityTree(page);
      const session = tree.find1('checkbox', 'Den Haag — met de Oudersraad Haaglanden');
      assert.equal(await tree.find1('StaticText', 'Den Haag — met de Oudersraad Haaglanden').lang(), 'nl');
      assert.match(session.description, /^\w+day,? \d+ [A-Z]\w+ \d{4}, \d\d:\d\d–\u2060\d\d:\d\d/, 'the time, en-GB with a 24-hour clock');
      tree.find1('textbox', 'Your phone number (optional)');
      assertStates(tree.find1('textbox', 'Your name'), { required: true, invalid: 'false' }, 'name');

      await element.locator('button[type=submit]').click();
      await element.locator('.error-summary').waitFor();
      tree = await accessibilityTree(page);
      assertStates(tree.find1('group', 'Choose one or more sessions'), { invalid: 'true' }, 'the sessions');
      const email = tree.find1('textbox', 'Your email address');
      assertStates(email, { required: true, invalid: 'true' }, 'e-mail');
      // This server sends no mail, so the hint promises no confirmation by e-mail.
      assert.match(email.description, /^We only use your email address for these sessions\.\s+Error:\s+Enter your email address\.$/);
      const consent = tree.find1('checkbox', /^I agree that my details/);
      assertStates(consent, { invalid: 'true' }, 'consent');
      assert.match(consent.description, /Error:\s+Give your consent/);
      // (Chromium exposes no required state on a checkbox; the attribute is there for those that do.)
      assert.equal(await element.locator('#consent').getAttribute('aria-required'), 'true');
      const links = tree.filter((node) => node.role === 'link' && node.name.startsWith('Enter your'));
      assert.ok(links.length >= 2, 'the summary links to the fields');
    } finally {
      await page.close();
    }
  });

  only('ervaring', '<ouder-ervaring> with register="u": the first name is asked where it is missing, required and invalid; hints are read once', async () => {
    const { page, element } = await open('ervaring', 'form');
    try {
      let tree = await accessibilityTree(page);
      const story = tree.find1('textbox', 'Uw verhaal');
      assertStates(story, { required: true }, 'the story');
      assert.match(story.description, /Schrijf geen volledige namen/);
      assert.match(story.description, /Nog 50 tekens nodig/);
      const consent = tree.find1('radio', 'Mag gepubliceerd worden met mijn voornaam');
      assertStates(consent, { invalid: 'false' }, 'a consent, before anything was sent');
      assertStates(tree.find1('radiogroup', 'Wat mogen we met uw verhaal doen?'), { required: true, invalid: 'false' }, 'the consent question');
      assert.match(consent.description, /Dan hebben we uw voornaam nodig/, 'the hint describes the choice');
      assert.doesNotMatch(consent.name, /voornaam nodig/, 'and is not part of its name (read once)');

      await element.locator('#story').fill('De school luisterde goed en dacht met ons mee over de overstap naar het voortgezet onderwijs.');
      await element.locator('#themes-0').check();
      await element.locator('#consent-2').check();
      await element.locator('#contact-1').check();
      await element.locator('#email').fill('ouder@example.org');
      await element.locator('button[type=submit]').click();
      await element.locator('.error-summary').waitFor();
      tree = await accessibilityTree(page);
      const name = tree.find1('textbox', 'Uw voornaam');
      assertStates(name, { required: true, invalid: 'true' }, 'the first name');
      assert.match(name.description, /Vul uw voornaam in/);
      assertStates(tree.find1('radiogroup', 'Wat mogen we met uw verhaal doen?'), { invalid: 'false' }, 'the consent itself');
      tree.find1('link', /^Vul uw voornaam in/);
    } finally {
      await page.close();
    }
  });

  only('netwerkkaart', '<ouder-netwerkkaart> in English with heading-level 3: headings at the page\'s level, network names marked nl, map buttons named "Show on the map: name"', async () => {
    const { page } = await open('netwerkkaart', '.network');
    try {
      const tree = await accessibilityTree(page);
      const list = tree.find((node) => node.role === 'heading' && node.states.level === 3);
      assert.ok(list, 'the top headings are at the level the page asked for');
      const network = tree.find((node) => node.role === 'heading' && node.states.level === 4);
      assert.ok(network, 'network names one level below');
      assert.equal(await tree.find((node) => node.role === 'StaticText' && node.name === network.name).lang(), 'nl', 'a network name from the data is Dutch');
      const buttons = tree.filter((node) => node.role === 'button' && node.name.includes(network.name));
      assert.ok(buttons.some((button) => /^Show on (the )?map: /.test(button.name)), `a map button is named for ${network.name}: ${JSON.stringify(buttons.map((b) => b.name))}`);
      assert.ok(buttons.every((button) => !/ : /.test(button.name)), 'no stray space before the colon');
    } finally {
      await page.close();
    }
  });
});
