/**
 * The hosted page of a form, `/f/:id`: for parents who get a link or scan a QR code instead of
 * finding the form on a site. The organisation's name, the widget, the privacy link; in each of the
 * form's languages; no cookie, nothing from another site, a strict CSP with Trusted Types.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from './db.js';
import { formAccess } from './forms.js';
import { getOrganisation } from './organisations.js';
import { escapeHtml } from './pages.js';
import { languagesOf, tagOf, textIn, WIDGET_LANGUAGES, type WidgetLanguage } from './beheer/share.js';
import { textsFor } from './i18n/index.js';
import { publicOutcome } from './results/outcomes.js';
import { isClosed } from './store.js';

export const HOSTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

function documentOf(lang: WidgetLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}" dir="${textsFor(lang).dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/f/_/hosted.css">
<script type="module" src="/ouderstem.js"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

function languageOf(wanted: unknown, available: readonly WidgetLanguage[]): WidgetLanguage {
  return available.find((lang) => lang === wanted) ?? 'nl';
}

export function registerHostedPages(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/f/:id', async (request, reply) => {
    const access = await formAccess(db, request.params.id);
    const organisation = access && (await getOrganisation(db, access.organisationId));
    reply.type('text/html; charset=utf-8').header('content-security-policy', HOSTED_CSP).header('cache-control', 'no-store');
    if (!access?.live || !organisation || (access.closed && access.live.definition.type === 'ervaring')) {
      const lang = languageOf(request.query.lang, WIDGET_LANGUAGES);
      const text = textsFor(lang).pages.hosted;
      return reply.code(404).send(documentOf(lang, text.missingTitle, `<main><h1>${escapeHtml(text.missingTitle)}</h1><p>${escapeHtml(text.missing)}</p></main>`));
    }
    const definition = access.live.definition;
    const languages = languagesOf(definition);
    const lang = languageOf(request.query.lang, languages);
    const texts = textsFor(lang);
    const text = texts.pages.hosted;
    const title = textIn(definition.title, lang);
    const tag = tagOf(definition.type);
    const privacy = organisation.privacyUrl ? ` privacy-url="${escapeHtml(organisation.privacyUrl)}"` : '';
    const switcher =
      languages.length < 2
        ? ''
        : `<nav aria-label="${escapeHtml(texts.pages.language)}"><ul class="languages">${languages
            .map((other) =>
              other === lang
                ? `<li><a href="?lang=${other}" lang="${other}" aria-current="page">${textsFor(other).name}</a></li>`
                : `<li><a href="?lang=${other}" lang="${other}" hreflang="${other}">${textsFor(other).name}</a></li>`,
            )
            .join('')}</ul></nav>`;
    // What was done with the input, once published. A closed poll shows it itself.
    const outcome = await publicOutcome(db, access.id);
    const showsItself = definition.type === 'peiling' && isClosed(definition);
    const terugkoppeling =
      outcome && !showsItself
        ? `<ouder-terugkoppeling endpoint="/api/outcomes/${escapeHtml(encodeURIComponent(organisation.id))}" form="${escapeHtml(access.id)}" lang="${lang}">
  <p>${escapeHtml(textIn(outcome.text, lang))}</p>
</ouder-terugkoppeling>
`
        : '';
    const footer = organisation.privacyUrl ? `<footer><p><a href="${escapeHtml(organisation.privacyUrl)}">${escapeHtml(text.privacy)} ${escapeHtml(organisation.name)}</a></p></footer>` : '';
    return documentOf(
      lang,
      `${title} – ${organisation.name}`,
      `<header><h1>${escapeHtml(organisation.name)}</h1>${switcher}</header>
<main>
${terugkoppeling}<${tag} endpoint="/api/forms/${escapeHtml(encodeURIComponent(access.id))}"${privacy} lang="${lang}">
  <p>${escapeHtml(text.fallback(organisation.name))}</p>
</${tag}>
</main>
${footer}`,
    );
  });

  app.get('/f/_/hosted.css', async (_request, reply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return HOSTED_CSS;
  });
}

const HOSTED_CSS = `:root {
  color-scheme: light;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  font-size: 100%;
  line-height: 1.5;
  color: #1a1a1a;
  background: #fff;
  --ouder-max-width: 40rem;
}
body { margin: 0; }
header, main, footer { box-sizing: border-box; max-width: 44rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 1px solid #767676; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; justify-content: space-between; }
h1 { font-size: 1.25rem; margin: 0; overflow-wrap: anywhere; }
.languages { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
.languages a { display: inline-block; padding: 0.25rem 0; min-height: 24px; }
.languages a[aria-current] { font-weight: bold; text-decoration: none; }
/* The page has its own language links (they change the page's words too), so the widget's own menu is not shown twice. */
main > *::part(language-menu) { display: none; }
a { color: #0b57a4; }
a:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
footer { border-top: 1px solid #767676; font-size: 0.95rem; }
@media (forced-colors: active) { a:focus-visible { outline-color: Highlight; } }
`;
