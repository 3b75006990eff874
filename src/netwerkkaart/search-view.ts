import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { heading } from '../core/form.js';
import { plural } from '../core/i18n/index.js';
import { renderNetwork } from './list-view.js';
import type { Answer } from './search.js';
import type { KaartView } from './view.js';

/** The search landmark: label, hint, the combobox with its suggestions, and what they count. */
export function renderSearch(view: KaartView) {
  const { strings, search } = view;
  const typed = search.query.trim();
  const found = typed ? search.suggestions() : [];
  const options = search.expanded ? found : [];
  const spoken = view.announcer.say('suggestions', typed ? (found.length ? plural(strings.suggestions, found.length, view.language) : strings.noSuggestions) : '');
  return html`<form class="search" part="search" role="search" aria-labelledby="place-label" @submit=${(event: Event) => search.onSubmit(event)}>
    <div class="field">
      <label class="label" id="place-label" for="place">${strings.searchLabel}</label>
      <p class="hint" id="place-hint">${strings.searchHint}</p>
      <div class="search-row">
        <input
          id="place"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-controls="places"
          aria-expanded=${options.length > 0 ? 'true' : 'false'}
          aria-activedescendant=${ifDefined(options[search.activeOption] ? `place-${search.activeOption}` : undefined)}
          aria-describedby="place-hint"
          .value=${live(search.query)}
          @input=${(event: Event) => search.onInput((event.target as HTMLInputElement).value)}
          @keydown=${(event: KeyboardEvent) => search.onKey(event)}
          @blur=${() => search.onBlur()}
        />
        <button type="submit" part="button">${strings.search}</button>
      </div>
      <ul id="places" role="listbox" aria-label=${strings.searchLabel} ?hidden=${options.length === 0}>
        ${options.map(
          (place, index) =>
            html`<li
              id="place-${index}"
              role="option"
              aria-selected=${index === search.activeOption ? 'true' : 'false'}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => search.choose(place.label)}
            >
              ${place.label}
            </li>`,
        )}
      </ul>
    </div>
    <p class="visually-hidden" role="status">${spoken}</p>
  </form>`;
}

/** The heading of an answer, and the sentence a screen reader hears when it changes. */
function headingOf(view: KaartView, answer: Answer): string {
  const { strings } = view;
  switch (answer.kind) {
    case 'postcode':
      return strings.postcodeTitle;
    case 'unknown':
      return strings.resultNone(answer.label);
    case 'which':
      return (answer.former ? strings.whichPart : strings.which)(answer.label);
    case 'networks': {
      const title = answer.area ? strings.area[answer.area.kind](answer.area.name) : answer.label;
      return answer.links.length > 0 ? strings.resultFor(title) : strings.resultNone(title);
    }
  }
}

/** "Zoetermeer hoort bij jeugdregio Haaglanden": how a network found reaches the place asked for. */
function reasonOf(view: KaartView, answer: Extract<Answer, { kind: 'networks' }>, index: number): string | undefined {
  const { via } = answer.links[index];
  return via ? view.strings.partOf(answer.label, view.strings.area[via.kind](via.name)) : undefined;
}

function spokenAnswer(view: KaartView, answer: Answer | undefined): string {
  if (!answer) return '';
  const heading = headingOf(view, answer);
  if (answer.kind === 'networks' && answer.links.length > 0) {
    const names = answer.links.map(({ network }, index) => {
      const reason = reasonOf(view, answer, index);
      return reason ? `${view.name(network)} (${reason})` : view.name(network);
    });
    return `${heading} ${names.join('; ')}`;
  }
  if (answer.kind === 'which') return `${heading} ${answer.options.map((gemeente) => gemeente.name).join(', ')}`;
  return heading;
}

/** What the search found, visible, and in a polite live region. */
export function renderAnswer(view: KaartView) {
  const answer = view.search.answer();
  const sentence = html`<p class="visually-hidden" role="status">${spokenAnswer(view, answer)}</p>`;
  if (!answer) return sentence;
  const { strings } = view;
  let body: unknown;
  switch (answer.kind) {
    case 'postcode':
      body = html`<p>${strings.postcodeHint}</p>`;
      break;
    case 'unknown':
      body = html`<p>${strings.unknownPlace}</p>`;
      break;
    case 'which':
      body = html`<ul class="choices">
        ${answer.options.map(
          (gemeente) =>
            html`<li>
              <button type="button" class="secondary" part="button" @click=${() => chooseGemeente(view, gemeente.name)}>
                ${gemeente.name}<span class="muted">, ${view.search.provincieOf(gemeente)}</span>
              </button>
            </li>`,
        )}
      </ul>`;
      break;
    case 'networks': {
      const nearest = answer.links.length === 0 ? answer.nearest : [];
      const distance = new Intl.NumberFormat(view.language, { maximumFractionDigits: 0 });
      body = html`${answer.former ? html`<p>${strings.nowPartOf(answer.former, answer.label)}</p>` : nothing}
      ${answer.links.length > 0
        ? html`<ul class="networks">
            ${answer.links.map(({ network }, index) =>
              renderNetwork(view, network, `result-${view.itemId(network)}`, { note: reasonOf(view, answer, index) }),
            )}
          </ul>`
        : nearest.length > 0
          ? html`<p>${strings.nearest}</p>
              <ul class="networks">
                ${nearest.map(({ network, km }) =>
                  renderNetwork(view, network, `result-${view.itemId(network)}`, { distance: strings.distance(distance.format(km)) }),
                )}
              </ul>`
          : html`<p>${strings.seeList}</p>`}`;
    }
  }
  return html`${sentence}
    <div class="result" part="result">
      ${heading(view.level, headingOf(view, answer), { class: 'title', id: 'answer', focusable: true })}
      ${body}
    </div>`;
}

function chooseGemeente(view: KaartView, name: string): void {
  view.search.choose(name);
  void view.focusAnswer();
}
