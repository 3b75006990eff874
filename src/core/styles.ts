import { css } from 'lit';

/**
 * Design tokens. Public `--ouder-*` properties are read through private `--_ouder-*` ones whose
 * fallbacks are NL Design System (Utrecht) tokens, so a site that already themes with NL Design
 * System gets its own look without extra work.
 */
export const tokens = css`
  :host {
    --_ouder-font-size: var(--ouder-font-size, var(--utrecht-document-font-size, 1.125rem));
    --_ouder-line-height: var(--ouder-line-height, var(--utrecht-document-line-height, 1.5));
    --_ouder-color: var(--ouder-color, var(--utrecht-document-color, #1a1a1a));
    --_ouder-muted-color: var(--ouder-muted-color, #4d4d4d);
    --_ouder-background: var(--ouder-background, var(--utrecht-document-background-color, #ffffff));
    --_ouder-surface: var(--ouder-surface, #f3f3f3);
    --_ouder-border-color: var(--ouder-border-color, var(--utrecht-form-control-border-color, #575757));
    --_ouder-primary: var(--ouder-primary, var(--utrecht-button-primary-action-background-color, #01689b));
    --_ouder-on-primary: var(--ouder-on-primary, var(--utrecht-button-primary-action-color, #ffffff));
    --_ouder-link-color: var(--ouder-link-color, var(--utrecht-link-color, #01689b));
    --_ouder-error-color: var(--ouder-error-color, var(--utrecht-form-control-invalid-border-color, #b3261e));
    --_ouder-success-color: var(--ouder-success-color, #2b6e2f);
    --_ouder-focus-color: var(--ouder-focus-color, var(--utrecht-focus-outline-color, #0b0c0c));
    --_ouder-focus-background: var(--ouder-focus-background, #ffdd00);
    --_ouder-radius: var(--ouder-radius, var(--utrecht-button-border-radius, 4px));
    --_ouder-space: var(--ouder-space, 1rem);
    --_ouder-max-width: var(--ouder-max-width, 40rem);
  }
`;

/** Isolation from the host page and the shared look of every form widget. */
export const formStyles = css`
  :host {
    display: block;
    max-inline-size: var(--_ouder-max-width);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /*
   * Isolation from the host page. A page's rules beat :host, and everything inside inherits from
   * the host, so the reset sits on the first element inside the shadow root, where no page rule
   * reaches ("all" leaves direction alone: the dir attribute on .root sets it).
   */
  .root {
    all: initial;
    display: grid;
    /* One column that never grows past the widget, whatever a child's minimum width. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_ouder-space);
    /*
     * The page's own font unless one is set. Unset (or 'inherit', which a custom property cannot
     * pass on) makes this declaration invalid at computed-value time, and font-family then
     * inherits from the host, that is from the page, past the reset above.
     */
    font-family: var(--ouder-font-family, var(--utrecht-document-font-family));
    font-size: var(--_ouder-font-size);
    line-height: var(--_ouder-line-height);
    color: var(--_ouder-color);
    background: var(--_ouder-background);
    text-align: start;
    overflow-wrap: anywhere;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6,
  p {
    margin: 0;
  }
  /* Headings take the level the page needs (heading-level); their size follows their role. */
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-size: 1.2em;
    line-height: 1.3;
  }
  .title {
    font-size: 1.5em;
    line-height: 1.25;
  }
  .minor {
    font-size: 1em;
  }
  a {
    color: var(--_ouder-link-color);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_ouder-focus-color);
    outline-offset: 2px;
  }
  a:focus-visible {
    background: var(--_ouder-focus-background);
    color: var(--_ouder-focus-color);
  }
  form {
    display: grid;
    gap: calc(var(--_ouder-space) * 1.5);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  .label {
    display: block;
    padding: 0;
    margin-block-end: 0.25em;
    font-weight: 700;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .field--invalid {
    border-inline-start: 4px solid var(--_ouder-error-color);
    padding-inline-start: 0.75em;
  }
  .hint,
  .muted {
    color: var(--_ouder-muted-color);
  }
  .error-message {
    color: var(--_ouder-error-color);
    font-weight: 700;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='search'],
  input:not([type]),
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_ouder-background);
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.4em 0.5em;
    border: 2px solid var(--_ouder-border-color);
    border-radius: var(--_ouder-radius);
  }
  input,
  textarea {
    /* Dutch typed into an Arabic form (and the reverse) keeps its own direction. */
    unicode-bidi: plaintext;
  }
  textarea {
    min-block-size: 8em;
    resize: vertical;
  }
  .language-menu {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25em 0.5em;
    margin-block-end: 0.5em;
  }
  .language-menu select {
    inline-size: auto;
    min-block-size: 2.75rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_ouder-error-color);
  }
  .choices {
    display: grid;
    gap: 0.5em;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    min-block-size: 2.75rem;
    padding-block: 0.4em;
  }
  .choice input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.1em 0 0;
    accent-color: var(--_ouder-primary);
    cursor: pointer;
  }
  .choice-text {
    flex: 1;
    display: grid;
    min-inline-size: 0;
  }
  .choice label {
    cursor: pointer;
  }
  .choice input:disabled,
  .choice input:disabled + .choice-text label {
    cursor: default;
  }
  .conditional {
    margin-inline-start: 2.1rem;
    padding-inline-start: 1rem;
    border-inline-start: 4px solid var(--_ouder-border-color);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_ouder-primary);
    border-radius: var(--_ouder-radius);
    background: var(--_ouder-primary);
    color: var(--_ouder-on-primary);
    cursor: pointer;
  }
  button.secondary {
    background: var(--_ouder-background);
    color: var(--_ouder-primary);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .link-button {
    background: none;
    border: 0;
    padding: 0;
    min-inline-size: 0;
    color: var(--_ouder-link-color);
    text-decoration: underline;
    font-weight: 400;
  }
  .panel {
    display: grid;
    gap: 0.75em;
    padding: var(--_ouder-space);
    border: 3px solid var(--_ouder-border-color);
    border-radius: var(--_ouder-radius);
  }
  .panel:focus {
    outline: 3px solid var(--_ouder-focus-color);
    outline-offset: 2px;
  }
  .panel--error {
    border-color: var(--_ouder-error-color);
  }
  .panel--success {
    border-color: var(--_ouder-success-color);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_ouder-error-color);
    font-weight: 700;
  }
  .status {
    padding: 0.5em 0.75em;
    background: var(--_ouder-surface);
    border-radius: var(--_ouder-radius);
  }
  /* Empty live regions stay in the accessibility tree (so they are heard when filled) but take no room. */
  [role='status']:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  /* Out of sight without an offset: a far negative inset-inline-start widens right-to-left pages. */
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .count {
    color: var(--_ouder-muted-color);
  }
  .count--over {
    color: var(--_ouder-error-color);
    font-weight: 700;
  }
  @media (prefers-reduced-motion: no-preference) {
    .animate {
      transition: inline-size 0.3s ease-out;
    }
  }
  @media (forced-colors: active) {
    button,
    .panel,
    .field--invalid {
      border-color: CanvasText;
    }
    button {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
    :focus-visible,
    a:focus-visible {
      outline-color: Highlight;
      background: none;
      color: inherit;
    }
  }
`;
