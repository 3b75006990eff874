import { languages, type Texts } from './i18n/index.js';

/**
 * The pages behind the links parents get (cancel a sign-up, withdraw a story, `/intrekken`): the
 * widgets' look, the parent's language, no script, no inline style (the stylesheet is
 * `/ouderstem-pagina.css`), nothing from another site.
 */
export const PAGE_CSS_PATH = '/ouderstem-pagina.css';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The same escaping for the server's other pages (the hosted form page, the console's own). */
export { escape as escapeHtml };

/** A session as a page names it. */
export interface PageSession {
  title: string;
  when: string;
  where: string;
  /** What this parent has: a place, the waiting list, nothing any more, or a session its organiser called off. */
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'calledOff';
  /** Someone else waits for this session. */
  othersWaiting: boolean;
}

interface PageOptions {
  texts: Texts;
  title: string;
  body: string;
  /** Where the language links point: this page's address without a query. */
  path: string;
  /** Part of the title that says the page shows an error (GOV.UK: "Fout: …"). */
  hasError?: boolean;
}

function languageLinks(texts: Texts, path: string): string {
  if (languages.length < 2) return '';
  const links = languages
    .map((other) =>
      other.lang === texts.lang
        ? `<li><span aria-current="true">${escape(other.name)}</span></li>`
        : `<li><a href="${escape(path)}?lang=${other.lang}" hreflang="${other.lang}" lang="${other.lang}" dir="${other.dir}">${escape(other.name)}</a></li>`,
    )
    .join('');
  return `<nav class="languages" aria-label="${escape(texts.pages.language)}"><ul>${links}</ul></nav>`;
}

export function page({ texts, title, body, path, hasError }: PageOptions): string {
  const fullTitle = hasError ? `${texts.pages.errorPrefix} ${title}` : title;
  return `<!doctype html>
<html lang="${texts.lang}" dir="${texts.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(fullTitle)}</title>
<link rel="stylesheet" href="${PAGE_CSS_PATH}">
</head>
<body>
${languageLinks(texts, path)}
<main class="root">
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function paragraph(text: string): string {
  return `<p>${escape(text)}</p>`;
}

/** The sessions of a sign-up, each with its date, place and what the parent has. */
function sessionList(texts: Texts, sessions: readonly PageSession[], withStatus: boolean): string {
  const items = sessions.map((session) => {
    const status = withStatus ? `<p><strong>${escape(texts.pages.session[session.status])}</strong></p>` : '';
    return `<li class="session"><h2 dir="auto">${escape(session.title)}</h2>
<p>${escape(texts.pages.session.when)}: ${escape(session.when)}</p>
${session.where ? `<p>${escape(texts.pages.session.where)}: <bdi>${escape(session.where)}</bdi></p>` : ''}${status}</li>`;
  });
  return `<ul class="sessions">${items.join('\n')}</ul>`;
}

/** What cancelling does to each session, truthfully: the waiting list only when someone is on it. */
function consequences(texts: Texts, sessions: readonly PageSession[]): string {
  const c = texts.pages.cancel;
  const lines = new Set<string>();
  for (const session of sessions) {
    if (session.status === 'waitlisted') lines.add(c.leaveWaitlist);
    else if (session.status === 'confirmed') lines.add(session.othersWaiting ? c.toWaitlist : c.freed);
  }
  return [...lines].map(paragraph).join('\n');
}

function confirmForm(texts: Texts, action: string, button: string, fields: Record<string, string> = {}): string {
  const hidden = Object.entries({ ...fields, lang: texts.lang })
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  return `<form method="post" action="${escape(action)}">${hidden}<div class="actions"><button type="submit">${escape(button)}</button></div></form>`;
}

export interface CancelPageInput {
  texts: Texts;
  path: string;
  sessions: readonly PageSession[];
}

/** A session the parent can still cancel: a place or the waiting list. */
export function isActive(session: PageSession): boolean {
  return session.status === 'confirmed' || session.status === 'waitlisted';
}

export function cancelConfirmPage({ texts, path, sessions }: CancelPageInput): string {
  const c = texts.pages.cancel;
  const active = sessions.filter(isActive);
  const body = [
    paragraph(c.intro),
    sessionList(texts, active, true),
    `<div class="panel">`,
    consequences(texts, active),
    `<h2>${escape(c.question)}</h2>`,
    confirmForm(texts, path, c.button),
    paragraph(c.keep),
    `</div>`,
  ].join('\n');
  return page({ texts, title: c.title, body, path });
}

export function cancelDonePage({ texts, path, sessions }: CancelPageInput, mailed: boolean): string {
  const c = texts.pages.cancel;
  const body = `<div class="panel panel--success">${paragraph(c.done)}${mailed ? paragraph(c.doneMail) : ''}</div>
${sessionList(texts, sessions, false)}`;
  return page({ texts, title: c.doneTitle, body, path });
}

/**
 * A link with nothing left to cancel: the parent cancelled before ("Je bent al afgemeld"), or the
 * organiser called every session off ("Deze sessie gaat niet door"), said at once.
 */
export function nothingToCancelPage({ texts, path, sessions }: CancelPageInput): string {
  const c = texts.pages.cancel;
  const calledOff = sessions.length > 0 && sessions.every((session) => session.status === 'calledOff');
  const [title, text] = calledOff ? [c.calledOffTitle, c.calledOff] : [c.usedTitle, c.used];
  return page({ texts, title, body: `${paragraph(text)}\n${sessionList(texts, sessions, true)}`, path });
}

export function cancelPastPage({ texts, path, sessions }: CancelPageInput): string {
  const c = texts.pages.cancel;
  return page({ texts, title: c.pastTitle, body: `${paragraph(c.past)}\n${sessionList(texts, sessions, false)}`, path });
}

export function unknownLinkPage(texts: Texts, path: string): string {
  return page({ texts, title: texts.pages.unknownTitle, body: paragraph(texts.pages.unknown), path });
}

/** `/intrekken`: one field for the code; after a refusal the GOV.UK error summary takes focus. */
export function withdrawCodePage(texts: Texts, path: string, value = '', error?: string): string {
  const w = texts.pages.withdraw;
  const summary = error
    ? `<div class="panel panel--error error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escape(texts.pages.errorSummary)}</h2>
<ul><li><a href="#code">${escape(error)}</a></li></ul>
</div>`
    : '';
  const describedBy = error ? 'code-hint code-error' : 'code-hint';
  const body = `${summary}
${paragraph(w.intro)}
<form method="post" action="${escape(path)}" novalidate>
<input type="hidden" name="lang" value="${texts.lang}">
<div class="field${error ? ' field--invalid' : ''}">
<label class="label" for="code">${escape(w.label)}</label>
<p class="hint" id="code-hint">${escape(w.hint)}</p>
${error ? `<p class="error-message" id="code-error"><span class="visually-hidden">${escape(texts.pages.errorPrefix)}</span> ${escape(error)}</p>` : ''}
<input id="code" name="code" type="text" dir="ltr" autocomplete="off" autocapitalize="characters" spellcheck="false" inputmode="text" maxlength="64" value="${escape(value)}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>
</div>
<div class="actions"><button type="submit">${escape(w.next)}</button></div>
</form>`;
  return page({ texts, title: w.title, body, path, hasError: error !== undefined });
}

export function withdrawConfirmPage(texts: Texts, path: string, formTitle: string, date: string, code: string): string {
  const w = texts.pages.withdraw;
  const body = `${paragraph(w.story(formTitle, date))}
<div class="panel">
${paragraph(w.question)}
${confirmForm(texts, '/api/withdraw', w.button, { code })}
${paragraph(w.keep)}
</div>`;
  return page({ texts, title: w.confirmTitle, body, path });
}

export function withdrawDonePage(texts: Texts, path: string): string {
  const w = texts.pages.withdraw;
  return page({ texts, title: w.doneTitle, body: `<div class="panel panel--success">${paragraph(w.done)}</div>`, path });
}

export function withdrawUsedPage(texts: Texts, path: string): string {
  const w = texts.pages.withdraw;
  return page({ texts, title: w.usedTitle, body: paragraph(w.used), path });
}

/** The widgets' look for a whole page: the same tokens, fields, buttons and panels. */
export const PAGE_CSS = `:root {
  --_ouder-font-family: var(--ouder-font-family, system-ui, sans-serif);
  --_ouder-color: #1a1a1a;
  --_ouder-muted-color: #4d4d4d;
  --_ouder-background: #ffffff;
  --_ouder-surface: #f3f3f3;
  --_ouder-border-color: #575757;
  --_ouder-primary: #01689b;
  --_ouder-on-primary: #ffffff;
  --_ouder-link-color: #01689b;
  --_ouder-error-color: #b3261e;
  --_ouder-success-color: #2b6e2f;
  --_ouder-focus-color: #0b0c0c;
  --_ouder-focus-background: #ffdd00;
  --_ouder-radius: 4px;
  --_ouder-space: 1rem;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0;
  padding: var(--_ouder-space);
  font-family: var(--_ouder-font-family);
  font-size: 1.125rem;
  line-height: 1.5;
  color: var(--_ouder-color);
  background: var(--_ouder-background);
  overflow-wrap: anywhere;
}
.root, .languages {
  display: grid;
  gap: var(--_ouder-space);
  max-inline-size: 40rem;
  margin-inline: auto;
}
h1, h2, p, ul { margin: 0; }
h1 { font-size: 1.75em; line-height: 1.2; }
h2 { font-size: 1.2em; line-height: 1.3; }
a { color: var(--_ouder-link-color); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--_ouder-focus-color); outline-offset: 2px; }
a:focus-visible { background: var(--_ouder-focus-background); color: var(--_ouder-focus-color); }
.languages { margin-block-end: calc(var(--_ouder-space) * 0.5); }
.languages ul { display: flex; flex-wrap: wrap; gap: 0.25em 1em; padding: 0; list-style: none; }
.languages a, .languages span { display: inline-block; min-block-size: 1.5rem; }
.languages span { font-weight: 700; }
.sessions { display: grid; gap: var(--_ouder-space); padding: 0; list-style: none; }
.session { display: grid; gap: 0.25em; padding: var(--_ouder-space); background: var(--_ouder-surface); border-radius: var(--_ouder-radius); }
form { display: grid; gap: calc(var(--_ouder-space) * 1.5); }
.field { display: grid; gap: 0.25em; }
.field--invalid { border-inline-start: 4px solid var(--_ouder-error-color); padding-inline-start: 0.75em; }
.label { font-weight: 700; }
.hint { color: var(--_ouder-muted-color); }
.error-message { color: var(--_ouder-error-color); font-weight: 700; }
input[type='text'] {
  font: inherit;
  color: inherit;
  background: var(--_ouder-background);
  inline-size: 100%;
  min-block-size: 2.75rem;
  padding: 0.4em 0.5em;
  border: 2px solid var(--_ouder-border-color);
  border-radius: var(--_ouder-radius);
  letter-spacing: 0.05em;
}
[aria-invalid='true'] { border-color: var(--_ouder-error-color); }
.actions { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; }
button {
  font: inherit;
  font-weight: 700;
  min-block-size: 2.75rem;
  padding: 0.5em 1.25em;
  border: 2px solid var(--_ouder-primary);
  border-radius: var(--_ouder-radius);
  background: var(--_ouder-primary);
  color: var(--_ouder-on-primary);
  cursor: pointer;
}
.panel { display: grid; gap: 0.75em; padding: var(--_ouder-space); border: 3px solid var(--_ouder-border-color); border-radius: var(--_ouder-radius); }
.panel:focus { outline: 3px solid var(--_ouder-focus-color); outline-offset: 2px; }
.panel--error { border-color: var(--_ouder-error-color); }
.panel--success { border-color: var(--_ouder-success-color); }
.error-summary ul { padding-inline-start: 1.2em; }
.error-summary a { color: var(--_ouder-error-color); font-weight: 700; }
.visually-hidden {
  position: absolute !important;
  inline-size: 1px !important;
  block-size: 1px !important;
  margin: -1px !important;
  padding: 0 !important;
  overflow: hidden !important;
  clip-path: inset(50%) !important;
  white-space: nowrap !important;
  border: 0 !important;
}
@media (forced-colors: active) {
  button, .panel, .field--invalid { border-color: CanvasText; }
  button { background: ButtonFace; color: ButtonText; border-color: ButtonText; }
  :focus-visible, a:focus-visible { outline-color: Highlight; background: none; color: inherit; }
}
`;
