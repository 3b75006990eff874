import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DefinitionError, readChoice, readObject, readOptionalString, readString, readText } from './definition.js';
import { defineStrings, type Language, localeOf, localize } from './i18n/index.js';
import nl from './i18n/notice/nl.js';
import type { OutcomeNotice, OutcomeStatus } from './schema-types.js';

export type { OutcomeNotice, OutcomeStatus } from './schema-types.js';

/**
 * "Wat we met jullie inbreng doen": one published outcome (status, date, text, a link to read
 * more), as `<ouder-terugkoppeling>` shows it and a closed `<ouder-peiling>` too, so parents see
 * the same words wherever they look.
 */
export interface NoticeStrings {
  title: string;
  statuses: Record<OutcomeStatus, string>;
  /** Before the status, for screen readers: "Stand van zaken: besloten". */
  statusLabel: string;
  readMore: string;
}

export const noticeStrings = defineStrings<NoticeStrings>(nl, (language) => import(`./i18n/notice/${language}.ts`));

const statuses: readonly OutcomeStatus[] = ['gehoord', 'in-behandeling', 'besloten'];

export function readDay(value: unknown, path: string): string {
  const day = readString(value, path);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new DefinitionError(path, 'notDate');
  return day;
}

/** A link a parent may follow: http(s) only, never `javascript:`. */
export function readLink(value: unknown, path: string): string | undefined {
  const url = readOptionalString(value, path);
  if (url !== undefined && !/^https?:\/\//i.test(url)) throw new DefinitionError(path, { oneOf: ['https://…'] });
  return url;
}

/** Checks one outcome (also the `outcome` of a poll's definition). */
export function readNotice(value: unknown, path: string): OutcomeNotice {
  const fields = readObject(value, path);
  return {
    status: readChoice(fields.status, `${path}.status`, statuses),
    date: readDay(fields.date, `${path}.date`),
    text: readText(fields.text, `${path}.text`),
    url: readLink(fields.url, `${path}.url`),
  };
}

/** `15 april 2027`, in the widget's language. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * The outcome: its status in words (a label with an icon, never colour alone) and date, the text
 * in paragraphs as the coordinator wrote them, and the link. `about` names what the link is about
 * for screen readers when several outcomes are on one page.
 */
export function renderNotice(notice: OutcomeNotice, language: Language, about?: unknown) {
  const strings = noticeStrings(language);
  const { text, lang } = localize(notice.text, language);
  // Text the coordinator did not write in this language is marked with its own, for screen readers.
  const own = lang === language ? undefined : lang;
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  return html`<p class="notice-status">
      <span class="badge badge--${notice.status}"
        ><span class="visually-hidden">${strings.statusLabel} </span>${strings.statuses[notice.status]}</span
      >
      <time datetime=${notice.date}>${formatDay(notice.date, language)}</time>
    </p>
    ${paragraphs.map((paragraph) => html`<p class="notice-text" lang=${ifDefined(own)} dir="auto">${paragraph.trim()}</p>`)}
    ${notice.url
      ? html`<p>
          <a href=${notice.url}>${strings.readMore}${about ? html`<span class="visually-hidden">: ${about}</span>` : nothing}</a>
        </p>`
      : nothing}`;
}

/** Results as a list of bars, each with its figures as text beside it (never the bar alone): a poll's and an outcome's. */
export const resultBarStyles = css`
  .bars {
    display: grid;
    gap: 0.6em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar-text {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1em;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 0.75em;
    margin-block-start: 0.2em;
    border: 1px solid var(--_ouder-border-color);
  }
  /* Bars grow from the start of the line: the right in right-to-left languages. */
  [dir='rtl'] .bar {
    transform: scaleX(-1);
  }
  .bar rect {
    fill: var(--_ouder-primary);
  }
  @media (forced-colors: active) {
    .bar rect {
      fill: CanvasText;
    }
  }
`;

export const noticeStyles = css`
  .notice-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.1em 0.6em;
    border: 2px solid currentColor;
    border-radius: 999px;
    font-weight: 700;
  }
  /* The step is in the icon's shape and in the words, not in a colour. */
  .badge::before {
    content: '';
    inline-size: 0.7em;
    block-size: 0.7em;
    border: 2px solid currentColor;
    border-radius: 50%;
  }
  .badge--in-behandeling::before {
    background: linear-gradient(90deg, currentColor 50%, transparent 50%);
  }
  [dir='rtl'] .badge--in-behandeling::before {
    background: linear-gradient(270deg, currentColor 50%, transparent 50%);
  }
  .badge--besloten::before {
    background: currentColor;
  }
  .notice-text {
    white-space: pre-line;
  }
`;
