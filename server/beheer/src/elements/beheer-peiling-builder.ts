import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { blankQuestion, nextId, type PeilingDefinition, type PeilingQuestion } from '../model/forms.js';
import { fieldId, join } from '../model/pointer.js';
import { textIn } from '../model/text.js';
import { BuilderElement } from './builder-element.js';

const QUESTION = { one: 'vraag', title: 'Vraag' };
const ANSWER = { one: 'antwoord', title: 'Antwoord', add: 'Antwoord toevoegen', legend: 'Antwoorden' };

const QUESTION_TYPES: { value: PeilingQuestion['type']; label: string }[] = [
  { value: 'single', label: 'Eén antwoord kiezen' },
  { value: 'multiple', label: 'Meer antwoorden kiezen' },
  { value: 'scale', label: 'Schaal (bijvoorbeeld 1 tot 5)' },
  { value: 'open', label: 'Open vraag (eigen tekst)' },
];

/**
 * The poll builder: questions of four kinds, their answers, "anders", scale ends, required,
 * maximum length; when results show, until when the poll is open, and who may vote.
 *
 * @tag beheer-peiling-builder
 * @fires beheer-edit - Every change, with the whole new definition.
 */
@customElement('beheer-peiling-builder')
export class BeheerPeilingBuilder extends BuilderElement<PeilingDefinition> {
  private changeType(q: number, type: PeilingQuestion['type']): void {
    const { id, label, hint, required } = this.definition.questions[q];
    const question = { ...blankQuestion(id, type), label, required };
    if (hint !== undefined) question.hint = hint;
    const previous = this.definition.questions[q];
    // Answers already written are kept when switching between the two kinds that have them.
    if ((type === 'single' || type === 'multiple') && previous.options?.length) {
      question.options = previous.options;
      if (previous.other) question.other = true;
    }
    this.set(join('questions', q), question);
  }

  override render() {
    const poll = this.definition;
    return html`<section class="builder-section" aria-labelledby="poll-general">
        <h2 id="poll-general">Algemeen</h2>
        ${this.text('/title', 'Titel', { hint: 'De kop boven de peiling, bijvoorbeeld "Hoe gaat het leerlingenvervoer?"' })}
        ${this.text('/intro', 'Inleiding (niet verplicht)', { multiline: true, hint: 'Waarom je het vraagt en wat je met de antwoorden doet.' })}
      </section>
      <section class="builder-section" aria-labelledby="poll-questions">
        <h2 id="poll-questions">Vragen</h2>
        <p class="hint">Verplaats een vraag met de knoppen, of met Alt + pijl omhoog en Alt + pijl omlaag terwijl je in de vraag bent.</p>
        ${this.itemList(
          '/questions',
          poll.questions.map((question, q) => this.renderQuestion(question, q)),
          { label: 'Vraag toevoegen', item: () => blankQuestion(nextId('v', poll.questions.map((question) => question.id))), focus: 'label', names: QUESTION },
        )}
      </section>
      <section class="builder-section" aria-labelledby="poll-settings">
        <h2 id="poll-settings">Instellingen</h2>
        ${this.choice('/results', 'Wanneer zien ouders de uitslag?', [
          { value: 'after-vote', label: 'Meteen nadat ze hebben gestemd' },
          { value: 'after-close', label: 'Pas als de peiling gesloten is' },
          { value: 'hidden', label: 'Niet: alleen jullie zien de uitslag' },
        ])}
        ${this.number('/minResponses', 'Uitslag pas tonen vanaf zoveel antwoorden', {
          hint: 'Zolang er minder antwoorden zijn, zien ouders geen aantallen, zodat niemand te herkennen is. Leeg: 10.',
        })}
        ${this.dateTime('/closesAt', 'Sluit op (niet verplicht)', {
          hint: 'Nederlandse tijd. Zonder tijd sluit de peiling om 23.59 uur. Leeg: de peiling blijft open tot je hem sluit.',
          defaultTime: '23:59',
          optional: true,
        })}
        ${this.choice('/integrity', 'Wie mag meedoen?', [
          { value: 'open', label: 'Iedereen met de link', hint: 'Eén stem per apparaat.' },
          { value: 'code', label: 'Alleen met een deelnamecode', hint: 'Je maakt de codes na het opslaan en deelt ze uit, bijvoorbeeld op papier. Elke code werkt één keer.' },
        ])}
        ${this.outcomeOptIn()}
      </section>`;
  }

  private renderQuestion(question: PeilingQuestion, q: number) {
    const at = (...rest: (string | number)[]) => join('questions', q, ...rest);
    const headingId = `${fieldId(at())}-heading`;
    const title = textIn(question.label, 'nl');
    return html`<li class="item ${this.problemsIn(at()) ? 'item--error' : ''}" @keydown=${this.moveKeys('/questions', q, QUESTION)}>
      <section aria-labelledby=${headingId}>
        <div class="item__head">
          <h3 id=${headingId}>Vraag ${q + 1}${title ? html`<span class="item__title">: ${title}</span>` : nothing}</h3>
          ${this.itemControls('/questions', q, this.definition.questions.length, QUESTION, { removable: this.definition.questions.length > 1 })}
        </div>
        ${this.choice(at('type'), 'Soort vraag', QUESTION_TYPES, { asSelect: true, onChange: (type) => this.changeType(q, type) })}
        ${this.text(at('label'), 'De vraag')} ${this.text(at('hint'), 'Uitleg bij de vraag (niet verplicht)')}
        ${this.check(at('required'), 'Ouders moeten deze vraag beantwoorden')} ${this.renderKind(question, q)}
      </section>
    </li>`;
  }

  private renderKind(question: PeilingQuestion, q: number) {
    const at = (...rest: (string | number)[]) => join('questions', q, ...rest);
    switch (question.type) {
      case 'single':
      case 'multiple':
        return html`${this.options(at('options'), ANSWER)}
        ${this.check(at('other'), 'Ook "anders, namelijk …" met een eigen tekstveld')}`;
      case 'scale':
        return html`<div class="field-row">
            ${this.number(at('min'), 'Laagste punt', { hint: 'Leeg: 1' })} ${this.number(at('max'), 'Hoogste punt', { hint: 'Leeg: 5' })}
          </div>
          ${this.text(at('minLabel'), 'Tekst bij het laagste punt (niet verplicht)', { hint: 'Bijvoorbeeld "Heel slecht".' })}
          ${this.text(at('maxLabel'), 'Tekst bij het hoogste punt (niet verplicht)', { hint: 'Bijvoorbeeld "Heel goed".' })}`;
      case 'open':
        return this.number(at('maxLength'), 'Hoogstens zoveel tekens', { hint: 'Leeg: 1000.' });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-peiling-builder': BeheerPeilingBuilder;
  }
}
