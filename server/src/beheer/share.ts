/**
 * What an editor copies to put a form on a page or in front of parents: the tag, the
 * compatibility `<div>`, suggested fallback text, and a share text for WhatsApp or e-mail, per
 * language of the form.
 */
import type { AuthoredDefinition, FormType } from '../content.js';
import { languages, textsFor } from '../i18n/index.js';
import { escapeHtml } from '../pages.js';

/**
 * The languages of the parents' pages, which are the widgets' own (server/src/i18n/ has a file
 * for each); a definition's texts in others still fall back to Dutch there.
 */
export const WIDGET_LANGUAGES: readonly string[] = languages.map((texts) => texts.lang);
export type WidgetLanguage = string;

const TAGS: Record<FormType, string> = { peiling: 'ouder-peiling', meedenksessie: 'ouder-meedenksessie', ervaring: 'ouder-ervaring' };

export function tagOf(type: FormType): string {
  return TAGS[type];
}

/** Every language a definition has text in, of those the widgets speak; Dutch always first. */
export function languagesOf(definition: unknown): WidgetLanguage[] {
  const found = new Set<string>(['nl']);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (typeof item === 'string' && WIDGET_LANGUAGES.includes(key)) found.add(key);
        walk(item);
      }
    }
  };
  walk(definition);
  return WIDGET_LANGUAGES.filter((lang) => found.has(lang));
}

/** A text of the definition in `lang`, else Dutch, else its first. */
export function textIn(value: unknown, lang: string): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const texts = value as Record<string, string>;
    return texts[lang] ?? texts.nl ?? Object.values(texts)[0] ?? '';
  }
  return '';
}

export interface Share {
  hostedUrl: string;
  scriptUrl: string;
  endpoint: string;
  languages: WidgetLanguage[];
  /** In Dutch; `snippetsByLang` has them per language. */
  snippets: { element: string; compat: string };
  snippetsByLang: Record<string, { element: string; compat: string }>;
  /** Suggested fallback text (HTML) that goes inside the tag. */
  fallback: Record<string, string>;
  shareText: Record<string, string>;
}

export function shareOf(
  base: string,
  definition: AuthoredDefinition,
  organisation: { name: string; privacyUrl: string | null },
): Share {
  const hostedUrl = `${base}/f/${encodeURIComponent(definition.id)}`;
  const scriptUrl = `${base}/ouderstem.js`;
  const endpoint = `${base}/api/forms/${encodeURIComponent(definition.id)}`;
  const privacyUrl = organisation.privacyUrl ? new URL(organisation.privacyUrl, `${base}/`).href : undefined;
  const languages = languagesOf(definition);
  const tag = tagOf(definition.type);
  const fallback: Record<string, string> = {};
  const shareText: Record<string, string> = {};
  const snippetsByLang: Record<string, { element: string; compat: string }> = {};
  for (const lang of languages) {
    const link = `<a href="${escapeHtml(hostedUrl)}">${escapeHtml(hostedUrl.replace(/^https?:\/\//, ''))}</a>`;
    fallback[lang] = `<p>${textsFor(lang).pages.share.fallback(link)}</p>`;
    shareText[lang] = textsFor(lang).pages.share.text(organisation.name, textIn(definition.title, lang), hostedUrl);
    const attributes = [`endpoint="${escapeHtml(endpoint)}"`, ...(privacyUrl ? [`privacy-url="${escapeHtml(privacyUrl)}"`] : []), ...(lang === 'nl' ? [] : [`lang="${lang}"`])];
    const data = [`data-ouderstem="${tag.replace(/^ouder-/, '')}"`, `data-endpoint="${escapeHtml(endpoint)}"`, ...(privacyUrl ? [`data-privacy-url="${escapeHtml(privacyUrl)}"`] : []), `data-lang="${lang}"`];
    const script = `<script type="module" src="${escapeHtml(scriptUrl)}"></script>`;
    snippetsByLang[lang] = {
      element: `${script}\n\n<${tag} ${attributes.join(' ')}>\n  ${fallback[lang]}\n</${tag}>\n`,
      compat: `${script}\n\n<div ${data.join(' ')}>\n  ${fallback[lang]}\n</div>\n`,
    };
  }
  return { hostedUrl, scriptUrl, endpoint, languages, snippets: snippetsByLang.nl!, snippetsByLang, fallback, shareText };
}
