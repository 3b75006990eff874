import { css } from 'lit';

export const terugkoppelingStyles = css`
  article,
  .results {
    display: grid;
    gap: 0.75em;
  }
  article + article {
    padding-block-start: var(--_ouder-space);
    border-block-start: 1px solid var(--_ouder-border-color);
  }
  h4,
  h5 {
    margin: 0;
    font-size: 1em;
  }
  .results {
    padding: var(--_ouder-space);
    background: var(--_ouder-surface);
    border-radius: var(--_ouder-radius);
  }
  .bar {
    background: var(--_ouder-background);
  }
`;
