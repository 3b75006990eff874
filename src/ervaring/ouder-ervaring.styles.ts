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
  #story {
    min-block-size: 14em;
  }
  .withdraw {
    display: grid;
    gap: 0.5em;
  }
  .withdraw :is(h3, h4, h5, h6) {
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
  @media (forced-colors: active) {
    .help,
    .code {
      border-color: CanvasText;
    }
  }
`;
