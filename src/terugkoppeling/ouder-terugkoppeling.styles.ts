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
    background: var(--_ouder-background);
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
