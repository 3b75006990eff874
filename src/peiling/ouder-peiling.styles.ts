import { css } from 'lit';

export const peilingStyles = css`
  .progress {
    font-weight: 700;
    color: var(--_ouder-muted-color);
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.25em;
  }
  .scale .choice {
    flex-direction: column;
    align-items: center;
    gap: 0.25em;
    min-inline-size: 2.75rem;
    text-align: center;
  }
  .results {
    display: grid;
    gap: 1em;
  }
  .results .minor {
    margin-block-end: 0.25em;
  }
  .bars {
    display: grid;
    gap: 0.6em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar-text {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1em;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 0.75em;
    margin-block-start: 0.2em;
    border: 1px solid var(--_ouder-border-color);
  }
  /* Bars grow from the start of the line: the right in right-to-left languages. */
  [dir='rtl'] .bar {
    transform: scaleX(-1);
  }
  .bar rect {
    fill: var(--_ouder-primary);
  }
  @media (forced-colors: active) {
    .bar rect {
      fill: CanvasText;
    }
  }
`;
