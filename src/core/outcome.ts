import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { textField } from './form.js';
import { defineStrings, type Language, type TextsHost, type Translation } from './i18n/index.js';
import nl from './i18n/outcome/nl.js';
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

const outcomeStrings = defineStrings<OutcomeStrings>(nl, (language) => import(`./i18n/outcome/${language}.ts`));

/** What a definition says about the opt-in: the form offers it, and its server sends e-mail. */
interface OutcomeOffer {
  outcomeOptIn?: boolean;
  sendsMail?: boolean;
}

/** The id of the e-mail field, for a widget's error map and error summary. */
export const outcomeEmailId = 'outcome-email';

/**
 * "Ik wil horen wat er met de uitkomst gebeurt": an optional checkbox that reveals one e-mail
 * field, offered only when the definition says `outcomeOptIn` and its server sends e-mail. The
 * address goes in the submission's top-level `outcomeEmail`, not in the answer, so the server can
 * keep it apart (and delete it after its one message).
 */
export class OutcomeOptIn implements ReactiveController {
  private wanted = false;
  private email = '';

  constructor(private readonly host: ReactiveControllerHost & TextsHost) {
    host.addController(this);
    host.addTexts(outcomeStrings);
  }

  hostConnected(): void {}

  offered(definition: OutcomeOffer): boolean {
    return definition.outcomeOptIn === true && definition.sendsMail === true;
  }

  /** A message for the error summary when the box is ticked without a usable address. */
  problem(definition: OutcomeOffer, language: Language): string | undefined {
    if (!this.offered(definition) || !this.wanted) return undefined;
    const strings = outcomeStrings(language);
    if (!this.email.trim()) return strings.emailRequired;
    return parseEmail(this.email) ? undefined : strings.emailInvalid;
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

  render(definition: OutcomeOffer, t: Translation, language: Language, error?: string, onBlur?: () => void) {
    if (!this.offered(definition)) return nothing;
    const strings = outcomeStrings(language);
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
              error,
              required: true,
              type: 'email',
              autocomplete: 'email',
              t,
              onInput: (value) => {
                this.email = value;
                this.host.requestUpdate();
              },
              onBlur,
            })}
          </div>`
        : nothing}
    </div>`;
  }
}
