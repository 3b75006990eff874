/**
 * What an editor copies to put a form on a page or in front of parents: the tag, the
 * compatibility `<div>`, suggested fallback text, and a share text for WhatsApp or e-mail, per
 * language of the form.
 */
import type { AuthoredDefinition, FormType } from '../content.js';
import { escapeHtml } from '../pages.js';

/** The widgets' own languages; a definition's texts in others still fall back to Dutch there. */
export const WIDGET_LANGUAGES = ['nl', 'en', 'ar'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

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
        if (typeof item === 'string' && (WIDGET_LANGUAGES as readonly string[]).includes(key)) found.add(key);
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

const FALLBACK: Record<WidgetLanguage, (link: string) => string> = {
  nl: (link) => `Lukt het invullen hier niet? Doe mee via ${link}.`,
  en: (link) => `Does the form not work here? Take part at ${link}.`,
  ar: (link) => `لا يعمل النموذج هنا؟ شارك عبر ${link}.`,
};

const SHARE: Record<WidgetLanguage, (organisation: string, title: string, url: string) => string> = {
  nl: (organisation, title, url) => `${organisation} wil graag horen wat ouders vinden: "${title}". Doe je mee? Het kost een paar minuten: ${url}`,
  en: (organisation, title, url) => `${organisation} would like to hear from parents: "${title}". Will you take part? It takes a few minutes: ${url}`,
  ar: (organisation, title, url) => `تود ${organisation} أن تسمع رأي الآباء والأمهات: "${title}". هل تشارك؟ يستغرق ذلك بضع دقائق: ${url}`,
};

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
    fallback[lang] = `<p>${FALLBACK[lang](link)}</p>`;
    shareText[lang] = SHARE[lang](organisation.name, textIn(definition.title, lang), hostedUrl);
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
