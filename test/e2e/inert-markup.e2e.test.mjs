// Markup and `javascript:` URLs in definitions, network data and server answers render as inert
// text: no dialog fires, no element is created from them, no `javascript:` link in a shadow root.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostPage, htmlRoute, launchBrowser, root, sendJson, startStaticServer } from './harness.mjs';
import { presentWidgets, submitButton, widgetMarkup, widgetOn } from './widgets.mjs';

const widgets = presentWidgets();
const evil = `<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">klik</a>`;
const demo = (file) => JSON.parse(readFileSync(join(root, 'server/content/demo', file), 'utf8'));

/** The demo content with markup in every kind of text a parent sees. */
const definitions = {
  peiling: (() => {
    const d = demo('peiling-ouderbetrokkenheid.json');
    d.title = `Peiling ${evil}`;
    d.intro = { nl: `Intro ${evil}`, en: 'Intro' };
    d.questions[0].label = `Vraag ${evil}`;
    d.questions[0].options[0].label = `Optie ${evil}`;
    d.questions[1].hint = `Hint ${evil}`;
    return d;
  })(),
  meedenksessie: (() => {
    const d = demo('meedenksessies-2027.json');
    d.title = `Sessies ${evil}`;
    d.sessions = d.sessions.map((session) => ({ ...session, title: `${session.title} ${evil}` }));
    d.sessions[0].location = { name: `Plek ${evil}`, address: `javascript:alert(6)` };
    d.roles[0].label = `Rol ${evil}`;
    return d;
  })(),
  ervaring: (() => {
    const d = demo('ervaring.json');
    d.title = `Ervaring ${evil}`;
    d.intro = `Intro ${evil}`;
    d.prompts = [`Vraag ${evil}`];
    d.themes[0].label = `Thema ${evil}`;
    d.consentOptions[0].label = `Toestemming ${evil}`;
    return d;
  })(),
  netwerkkaart: (() => {
    const d = demo('networks.json');
    d.networks[0] = {
      ...d.networks[0],
      name: `Netwerk ${evil}`,
      description: `Over ons ${evil}`,
      region: `Regio ${evil}`,
      gemeenten: ['Utrecht', ...(d.networks[0].gemeenten ?? [])],
      website: 'javascript:alert(7)',
      email: 'javascript:alert(8)',
      phone: 'javascript:alert(9)',
    };
    d.networks[1] = { ...d.networks[1], gemeenten: ['Utrecht', ...(d.networks[1].gemeenten ?? [])], website: ' JaVaScRiPt:alert(10)' };
    return d;
  })(),
};

/** The server's answers: first field errors (one on a field, one for no field), then a 2xx with URLs to misuse. */
const answers = {
  peiling: { status: 201, body: {} },
  meedenksessie: {
    status: 201,
    body: { status: 'confirmed', sessions: [{ id: 'twente-online-april', status: 'confirmed' }], cancelUrl: 'javascript:alert(11)' },
  },
  ervaring: { status: 201, body: { withdrawCode: evil, withdrawUrl: 'javascript:alert(12)' } },
};

/** What a shadow root must not hold: `javascript:` URLs, elements made from the data, no evil text missing. */
const inspect = (page, tag) =>
  page.evaluate((tag) => {
    const root = document.querySelector(tag).shadowRoot;
    const problems = [];
    const roots = [root, ...[...root.querySelectorAll('*')].filter((el) => el.shadowRoot).map((el) => el.shadowRoot)];
    for (const shadow of roots) {
      for (const el of shadow.querySelectorAll('*')) {
        for (const attribute of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']) {
          const value = el.getAttribute(attribute);
          if (value && /^\s*javascript:/i.test(value)) problems.push(`<${el.localName}> ${attribute}="${value}"`);
        }
        for (const { name } of el.attributes) if (/^on/i.test(name)) problems.push(`<${el.localName}> has an ${name} attribute`);
      }
      for (const el of shadow.querySelectorAll('img, script, iframe, object, embed')) problems.push(`a <${el.localName}> in the shadow root`);
    }
    return { problems, text: root.textContent };
  }, tag);

describe('markup in data renders as text', () => {
  let browser;
  let host;
  const posts = {};
  before(async () => {
    browser = await launchBrowser();
    const routes = {};
    for (const widget of widgets) routes[`/${widget.name}.html`] = htmlRoute(hostPage(widgetMarkup(widget)));
    host = await startStaticServer(join(root, 'dist'), {
      routes,
      target: 'http://127.0.0.1:9', // never reached: every /api/ request is answered below
      api: ({ request, response }) => {
        const widget = widgets.find((candidate) => candidate.endpoint === request.url);
        if (!widget) return sendJson(response, 404, { errors: [{ code: 'not-found', message: evil }] }) ?? true;
        if (request.method === 'GET') return sendJson(response, 200, definitions[widget.name]) ?? true;
        posts[widget.name] = (posts[widget.name] ?? 0) + 1;
        if (posts[widget.name] === 1) {
          sendJson(response, 422, {
            errors: [
              { field: widget.serverField.field, code: 'invalid-format', message: `Veldfout ${evil}` },
              { code: 'other', message: `Algemene fout ${evil}` },
            ],
          });
        } else {
          sendJson(response, answers[widget.name].status, answers[widget.name].body);
        }
        return true;
      },
    });
  });
  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  for (const widget of widgets) {
    it(`<${widget.tag}>: definition${widget.form ? ', server errors and server answer' : ' and network data'} stay text`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const dialogs = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          return dialog.dismiss();
        });
        await page.goto(`${host.url}/${widget.name}.html`);
        const element = widgetOn(page, widget);
        const problems = [];
        const check = async (state, mustShow) => {
          const { problems: found, text } = await inspect(page, widget.tag);
          problems.push(...found.map((problem) => `${state}: ${problem}`));
          if (mustShow && !text.includes(mustShow)) problems.push(`${state}: the text "${mustShow}" is not shown as text`);
        };

        if (!widget.form) {
          await element.locator('#place').waitFor();
          await check('loaded', '<img src=x onerror=alert(1)>');
          await widget.explore(element);
          await check('found and shown on the map', 'Netwerk <img src=x');
        } else {
          await element.locator('form[part="form"]').waitFor();
          await check('loaded', '<img src=x onerror=alert(1)>');
          await widget.fill(element, 'Een gewoon antwoord van een ouder, lang genoeg voor elk formulier.');
          await submitButton(element).click();
          await element.locator(`#${widget.serverField.control}-error`).waitFor();
          await check('server errors', `Veldfout ${evil}`);
          await widget.fill(element, 'Een verbeterd antwoord van een ouder, lang genoeg voor elk formulier.');
          await submitButton(element).click();
          await element.locator('.panel--success').waitFor({ timeout: 10_000 });
          await check('sent');
        }
        // Give anything that might still run (an image's onerror) its moment.
        await page.waitForTimeout(300);
        problems.push(...dialogs.map((message) => `a dialog fired: ${message}`));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
