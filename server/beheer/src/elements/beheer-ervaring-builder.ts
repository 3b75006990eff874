import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ErvaringDefinition } from '../model/forms.js';
import { fieldId, join } from '../model/pointer.js';
import { BuilderElement } from './builder-element.js';

const THEME = { one: 'thema', title: 'Thema', add: 'Thema toevoegen', legend: 'Thema’s' };
const REGION = { one: 'regio', title: 'Regio', add: 'Regio toevoegen', legend: 'Regio’s of gemeenten (niet verplicht)' };
const LEVEL = { one: 'onderwerp', title: 'Onderwerp', add: 'Onderwerp toevoegen', legend: '"Waar gaat het vooral over?" (niet verplicht)' };
const CONSENT = { one: 'keuze', title: 'Keuze', add: 'Keuze toevoegen', legend: 'Wat mogen jullie met een verhaal doen?' };
const PROMPT = { one: 'hulpvraag', title: 'Hulpvraag' };

/**
 * The builder for a story form: themes, regions, the consent choices, prompts that help a
 * parent start, how long stories are kept, and where a draft waits while the parent writes.
 *
 * @tag beheer-ervaring-builder
 * @fires beheer-edit - Every change, with the whole new definition.
 */
@customElement('beheer-ervaring-builder')
export class BeheerErvaringBuilder extends BuilderElement<ErvaringDefinition> {
  override render() {
    const story = this.definition;
    return html`<section class="builder-section" aria-labelledby="story-general">
        <h2 id="story-general">Algemeen</h2>
        ${this.text('/title', 'Titel', { hint: 'Bijvoorbeeld "Deel je ervaring met passend onderwijs".' })}
        ${this.text('/intro', 'Inleiding (niet verplicht)', { multiline: true, hint: 'Waarom je verhalen verzamelt en wat je ermee doet.' })}
        ${this.outcomeOptIn()}
      </section>
      <section class="builder-section" aria-labelledby="story-topics">
        <h2 id="story-topics">Onderwerpen</h2>
        ${this.options('/themes', { ...THEME, hint: 'Ouders kiezen er een of meer bij hun verhaal.' })}
        ${this.options('/regions', { ...REGION, hint: 'Leeg: ouders kiezen geen regio.' })} ${this.options('/levels', LEVEL)}
        ${this.renderPrompts(story.prompts ?? [])}
      </section>
      <section class="builder-section" aria-labelledby="story-consent">
        <h2 id="story-consent">Toestemming en bewaren</h2>
        ${this.options(
          '/consentOptions',
          {
            ...CONSENT,
            hint: 'Leeg: de drie vaste keuzes (alleen zelf van leren; stukjes gebruiken zonder naam; delen met de voornaam erbij), in elke taal van de widget.',
          },
          (_option, i) => this.check(join('consentOptions', i, 'needsName'), 'Bij deze keuze hoort de voornaam van de ouder', { hint: 'Dan vraagt het formulier om een voornaam.' }),
        )}
        ${this.number('/retentionDays', 'Zoveel dagen bewaren jullie een verhaal', {
          hint: 'Ouders lezen dit bij het formulier. Daarna verwijdert de server het verhaal. Leeg: de server bewaart het zo lang als is ingesteld (standaard 365 dagen).',
        })}
        <div class="field-row">
          ${this.number('/minLength', 'Verhaal minstens zoveel tekens (niet verplicht)')}
          ${this.number('/maxLength', 'Verhaal hoogstens zoveel tekens', { hint: 'Leeg: 5000.' })}
        </div>
        ${this.choice('/draftStorage', 'Waar blijft een half geschreven verhaal bewaard?', [
          { value: 'session', label: 'Tot de ouder het tabblad sluit', hint: 'Aangeraden: ook veilig op een gedeelde computer.' },
          { value: 'local', label: 'Ook als de ouder later terugkomt op hetzelfde apparaat' },
          { value: 'none', label: 'Nergens' },
        ], { value: story.draftStorage ?? 'session', onChange: (value) => this.set('/draftStorage', value === 'session' ? undefined : value) })}
      </section>
      <section class="builder-section" aria-labelledby="story-help">
        <h2 id="story-help">Hulp voor ouders</h2>
        <p>
          Het formulier laat ouders altijd zien waar ze meteen hulp kunnen krijgen: de Kindertelefoon (0800-0432) en Veilig Thuis
          (0800-2000), en dat het formulier niet voor noodgevallen is. Dit blok staat vast in de widget en kan hier niet worden
          veranderd; je ziet het in het voorbeeld.
        </p>
      </section>`;
  }

  private renderPrompts(prompts: ErvaringDefinition['prompts'] & unknown[]) {
    return html`<fieldset class="field options" id=${fieldId('/prompts')}>
      <legend>Hulpvragen (niet verplicht)</legend>
      <p class="hint">Vragen die een ouder op weg helpen, bijvoorbeeld "Wat ging er goed?" of "Wat had je nodig?".</p>
      <ol class="options__list">
        ${prompts.map(
          (_, p) =>
            html`<li class="options__item" @keydown=${this.moveKeys('/prompts', p, PROMPT)}>
              ${this.text(join('prompts', p), `Hulpvraag ${p + 1}`)} ${this.itemControls('/prompts', p, prompts.length, PROMPT)}
            </li>`,
        )}
      </ol>
      ${this.readonly
        ? nothing
        : html`<button type="button" class="button button--secondary" id="f-prompts-add" @click=${() => this.addItem('/prompts', '', '', PROMPT)}>
            Hulpvraag toevoegen
          </button>`}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-ervaring-builder': BeheerErvaringBuilder;
  }
}
