import { css } from 'lit';

export const ervaringStyles = css`
  .help {
    display: grid;
    gap: 0.5em;
    padding: var(--_ouder-space);
    background: var(--_ouder-surface);
    border-inline-start: 6px solid var(--_ouder-primary);
    border-radius: var(--_ouder-radius);
  }
  .help ul,
  .prompts ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .help li + li {
    margin-block-start: 0.4em;
  }
  .help a,
  .privacy a,
  .withdraw a {
    display: inline-block;
    min-block-size: 1.5rem;
  }
  .draft-notice {
    background: var(--_ouder-surface);
  }
  /* Empty live regions stay in the accessibility tree (so they are heard when filled) but take no room. */
  .notice:empty,
  .status-line:empty,
  .copy-status:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  #story {
    min-block-size: 14em;
  }
  /* Each paragraph a parent types takes its own direction (Dutch in an Arabic form, and back). */
  textarea,
  input[type='text'],
  input[type='email'] {
    unicode-bidi: plaintext;
  }
  .withdraw {
    display: grid;
    gap: 0.5em;
  }
  .withdraw h4 {
    margin: 0;
    font-size: 1em;
  }
  .code {
    display: inline-block;
    padding: 0.1em 0.4em;
    font-family: ui-monospace, monospace;
    font-size: 1.25em;
    letter-spacing: 0.08em;
    background: var(--_ouder-surface);
    border: 1px solid var(--_ouder-border-color);
    border-radius: var(--_ouder-radius);
  }
  /* The core's -10000px offset scrolls sideways in right-to-left (a core fix is proposed); clip it in place instead. */
  .honeypot {
    inset-inline-start: auto;
    clip-path: inset(50%);
  }
  @media (forced-colors: active) {
    .help,
    .code {
      border-color: CanvasText;
    }
  }
`;
