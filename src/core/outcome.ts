import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { textField } from './form.js';
import type { FormController, Problem } from './form-controller.js';
import { defineStrings, type Language, type Register, type TextsHost, type Translation } from './i18n/index.js';
import nl from './i18n/outcome/nl.js';
import type { FieldError } from './schema-types.js';
import { parseEmail } from './validators.js';

/**
 * The words of the opt-in; kept beside it (src/core/i18n/outcome/), not in the core translation,
 * so a widget without it carries none.
 */
export interface OutcomeStrings {
  label: string;
  hint: string;
  email: string;
  emailRequired: string;
  emailInvalid: string;
}

export const outcomeStrings = defineStrings<OutcomeStrings>(nl, (language) => import(`./i18n/outcome/${language}.ts`));

/** What a definition says about the opt-in: the form offers it, and its server sends e-mail. */
interface OutcomeOffer {
  outcomeOptIn?: boolean;
  sendsMail?: boolean;
}

/** What the opt-in needs from its widget. */
interface OutcomeHost extends ReactiveControllerHost, TextsHost {
  readonly t: Translation;
  readonly language: Language;
  readonly dutchRegister: Register;
}

/** The id of the e-mail field, for a widget's error map and error summary. */
export const outcomeEmailId = 'outcome-email';

/** Where a server error about the outcome address belongs (the submission's `outcomeEmail`). */
export function outcomePlace(error: FieldError): Omit<Problem<'outcome'>, 'message'> | undefined {
  return error.field === 'outcomeEmail' ? { field: 'outcome', control: outcomeEmailId } : undefined;
}

/**
 * "Ik wil horen wat er met de uitkomst gebeurt": an optional checkbox that reveals one e-mail
 * field, offered only when the definition says `outcomeOptIn` and its server sends e-mail. The
 * address goes in the submission's top-level `outcomeEmail`, not in the answer, so the server can
 * keep it apart (and delete it after its one message).
 */
export class OutcomeOptIn {
  private wanted = false;
  private email = '';

  constructor(private readonly host: OutcomeHost) {
    host.addTexts(outcomeStrings);
  }

  private get strings(): OutcomeStrings {
    return outcomeStrings(this.host.language, this.host.dutchRegister);
  }

  offered(definition: OutcomeOffer): boolean {
    return definition.outcomeOptIn === true && definition.sendsMail === true;
  }

  /** The problem for the form controller when the box is ticked without a usable address (field `outcome`). */
  problems(definition: OutcomeOffer): Problem<'outcome'>[] {
    if (!this.offered(definition) || !this.wanted || parseEmail(this.email)) return [];
    const { strings } = this;
    return [{ field: 'outcome', control: outcomeEmailId, message: this.email.trim() ? strings.emailInvalid : strings.emailRequired }];
  }

  /** The address to send along, when asked for and valid. */
  emailFor(definition: OutcomeOffer): string | undefined {
    return this.offered(definition) && this.wanted ? parseEmail(this.email) : undefined;
  }

  /** Back to unticked and empty, for a fresh form. */
  reset(): void {
    this.wanted = false;
    this.email = '';
    this.host.requestUpdate();
  }

  /**
   * The checkbox and, once ticked, the e-mail field: the widget's form controller checks it as any
   * of its fields (field `outcome`).
   */
  render(definition: OutcomeOffer, form: Pick<FormController<'outcome'>, 'error' | 'input' | 'blur' | 'choose'>) {
    if (!this.offered(definition)) return nothing;
    const { strings } = this;
    return html`<div class="field" part="field">
      <div class="choice">
        <input
          id="outcome"
          type="checkbox"
          .checked=${live(this.wanted)}
          aria-describedby="outcome-hint"
          @change=${(event: Event) => {
            this.wanted = (event.target as HTMLInputElement).checked;
            this.host.requestUpdate();
            form.choose('outcome');
          }}
        />
        <label for="outcome">${strings.label}</label>
      </div>
      <p id="outcome-hint" class="hint" part="hint">${strings.hint}</p>
      ${this.wanted
        ? html`<div class="conditional">
            ${textField({
              id: outcomeEmailId,
              label: strings.email,
              value: this.email,
              error: form.error(outcomeEmailId),
              required: true,
              type: 'email',
              autocomplete: 'email',
              t: this.host.t,
              onInput: (value) => {
                this.email = value;
                this.host.requestUpdate();
                form.input('outcome');
              },
              onBlur: () => form.blur('outcome'),
            })}
          </div>`
        : nothing}
    </div>`;
  }
}
