import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type FormDetail, type Redaction, type StoryItem } from '../api.js';
import type { ErvaringDefinition } from '../model/forms.js';
import { textIn } from '../model/text.js';
import type { LocalizedText } from '../../../src/schema-types.js';
import { ConsoleElement } from './console-element.js';

const KINDS: { value: Redaction['kind']; label: string }[] = [
  { value: 'naam', label: 'een naam' },
  { value: 'school', label: 'een school' },
  { value: 'diagnose', label: 'een diagnose' },
  { value: 'anders', label: 'iets anders' },
];
const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** Where `passage` starts in `text`, counted in characters as the server counts them (code points). */
function rangeOf(text: string, passage: string, taken: readonly Redaction[]): { start: number; end: number } | undefined {
  for (let from = text.indexOf(passage); from !== -1; from = text.indexOf(passage, from + 1)) {
    const start = [...text.slice(0, from)].length;
    const end = start + [...passage].length;
    if (!taken.some((other) => start < other.end && other.start < end)) return { start, end };
  }
  return undefined;
}

/**
 * Story moderation: read each story, tag its themes, leave out passages (a child's name, a school,
 * a diagnosis) before anything is quoted, filter by theme. A lezer sees every story as it may be
 * quoted; only a redacteur sees and changes what was left out.
 *
 * @tag beheer-stories
 */
@customElement('beheer-stories')
export class BeheerStories extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    canEdit: { attribute: false },
    stories: { state: true },
    theme: { state: true },
    passages: { state: true },
    kinds: { state: true },
    errors: { state: true },
    error: { state: true },
  };

  form!: FormDetail;
  canEdit = false;
  private stories?: StoryItem[];
  private theme = '';
  /** Per story: the passage typed to leave out, and what it is. */
  private passages: Record<string, string> = {};
  private kinds: Record<string, Redaction['kind']> = {};
  private errors: Record<string, string> = {};
  private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.stories = (await api.stories(this.form.id, this.theme)).stories;
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async change(story: StoryItem, patch: { read?: boolean; tags?: string[]; redactions?: Redaction[] }, done: string): Promise<boolean> {
    try {
      const { story: changed } = await api.moderate(this.form.id, story.id, patch);
      this.stories = this.stories!.map((item) => (item.id === story.id ? changed : item));
      this.errors = { ...this.errors, [story.id]: '' };
      announce(done);
      return true;
    } catch (error) {
      this.errors = { ...this.errors, [story.id]: error instanceof ApiError ? error.message : String(error) };
      return false;
    }
  }

  private async leaveOut(event: Event, story: StoryItem): Promise<void> {
    event.preventDefault();
    const passage = (this.passages[story.id] ?? '').trim();
    const taken = story.redactions ?? [];
    const range = passage ? rangeOf(story.original ?? story.text, passage, taken) : undefined;
    if (!range) {
      this.errors = { ...this.errors, [story.id]: passage ? 'Dit stuk staat niet (nog een keer) in het verhaal. Kopieer het precies uit het verhaal.' : 'Typ of kopieer het stuk dat je wilt weglaten.' };
      await this.updateComplete;
      this.querySelector<HTMLInputElement>(`#passage-${story.id}`)?.focus();
      return;
    }
    const kind = this.kinds[story.id] ?? 'naam';
    if (await this.change(story, { redactions: [...taken, { ...range, kind }] }, `Weggelaten: ${KINDS.find((item) => item.value === kind)!.label}.`)) {
      this.passages = { ...this.passages, [story.id]: '' };
    }
  }

  override render() {
    if (this.error) return html`<p class="notice notice--warning" role="alert">${this.error}</p>`;
    if (!this.stories) return html`<p role="status">Verhalen laden…</p>`;
    const definition = this.form.definition as ErvaringDefinition;
    return html`<section class="builder-section" aria-labelledby="stories-title">
      <h2 id="stories-title">Verhalen lezen</h2>
      <div class="field">
        <label for="stories-theme">Thema</label>
        <select
          id="stories-theme"
          @change=${(event: Event) => {
            this.theme = (event.target as HTMLSelectElement).value;
            void this.load();
          }}
        >
          <option value="" ?selected=${!this.theme}>Alle thema's</option>
          ${definition.themes.map((theme) => html`<option value=${theme.value} ?selected=${this.theme === theme.value}>${textIn(theme.label as LocalizedText, 'nl')}</option>`)}
        </select>
      </div>
      ${this.stories.length === 0 ? html`<p>Geen verhalen${this.theme ? ' met dit thema' : ''}.</p>` : html`<ol class="stories">${this.stories.map((story) => this.renderStory(story, definition))}</ol>`}
    </section>`;
  }

  private renderStory(story: StoryItem, definition: ErvaringDefinition) {
    const id = story.id;
    const error = this.errors[id];
    return html`<li class="story" aria-labelledby="story-${id}">
      <h3 id="story-${id}">Verhaal van ${day.format(Date.parse(story.receivedAt))}${story.read ? nothing : html` <span class="badge badge--concept">nieuw</span>`}</h3>
      <p class="story__text" dir="auto">${story.text}</p>
      <p class="hint">
        Thema's: ${story.themes.map((theme) => theme.label).join(', ') || '–'}. Toestemming: ${story.consent.label}. Wordt op ${day.format(Date.parse(story.deleteAt))} verwijderd.
      </p>
      ${error ? html`<p class="error-message" role="alert"><span class="visually-hidden">Fout: </span>${error}</p>` : nothing}
      ${this.canEdit
        ? html`<div class="actions">
              <button type="button" class="button button--small button--secondary" @click=${() => void this.change(story, { read: !story.read }, story.read ? 'Als nieuw gemarkeerd.' : 'Als gelezen gemarkeerd.')}>
                ${story.read ? 'Markeer als nieuw' : 'Markeer als gelezen'}<span class="visually-hidden">: verhaal van ${day.format(Date.parse(story.receivedAt))}</span>
              </button>
            </div>
            <fieldset class="field">
              <legend>Thema's volgens jullie</legend>
              <div class="choices choices--inline">
                ${definition.themes.map(
                  (theme) => html`<div class="choice">
                    <input
                      type="checkbox"
                      id="tag-${id}-${theme.value}"
                      .checked=${story.tags.includes(theme.value)}
                      @change=${(event: Event) => {
                        const on = (event.target as HTMLInputElement).checked;
                        const tags = on ? [...story.tags, theme.value] : story.tags.filter((tag) => tag !== theme.value);
                        void this.change(story, { tags }, 'Thema\'s opgeslagen.');
                      }}
                    />
                    <label for="tag-${id}-${theme.value}">${textIn(theme.label as LocalizedText, 'nl')}</label>
                  </div>`,
                )}
              </div>
            </fieldset>
            <form class="field-row field-row--end" novalidate @submit=${(event: Event) => void this.leaveOut(event, story)}>
              <div class="field">
                <label for="passage-${id}">Stuk om weg te laten</label>
                <p class="hint" id="passage-${id}-hint">Kopieer het precies uit het verhaal, bijvoorbeeld de naam van een kind.</p>
                <input
                  id="passage-${id}"
                  aria-describedby="passage-${id}-hint"
                  .value=${this.passages[id] ?? ''}
                  @input=${(event: Event) => (this.passages = { ...this.passages, [id]: (event.target as HTMLInputElement).value })}
                />
              </div>
              <div class="field">
                <label for="kind-${id}">Wat is het?</label>
                <select id="kind-${id}" @change=${(event: Event) => (this.kinds = { ...this.kinds, [id]: (event.target as HTMLSelectElement).value as Redaction['kind'] })}>
                  ${KINDS.map((kind) => html`<option value=${kind.value} ?selected=${(this.kinds[id] ?? 'naam') === kind.value}>${kind.label}</option>`)}
                </select>
              </div>
              <button type="submit" class="button button--secondary">Weglaten</button>
            </form>
            ${(story.redactions ?? []).length > 0
              ? html`<p>
                  ${story.redactions!.length === 1 ? '1 stuk weggelaten.' : `${story.redactions!.length} stukken weggelaten.`}
                  <button type="button" class="button button--small button--warning" @click=${() => void this.change(story, { redactions: [] }, 'Alles staat er weer in.')}>
                    Alles weer tonen<span class="visually-hidden">: verhaal van ${day.format(Date.parse(story.receivedAt))}</span>
                  </button>
                </p>`
              : nothing}`
        : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-stories': BeheerStories;
  }
}
