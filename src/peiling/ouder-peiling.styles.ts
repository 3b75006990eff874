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
  .results,
  .outcome {
    display: grid;
    gap: 1em;
  }
  .results .minor {
    margin-block-end: 0.25em;
  }
`;
