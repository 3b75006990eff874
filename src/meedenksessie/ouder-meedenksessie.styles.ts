import { css } from 'lit';

export const meedenksessieStyles = css`
  /* Single columns that never grow past the widget, whatever a long word or a large font. */
  form,
  .panel,
  .sessions,
  .session .choice-text,
  .session .hint,
  .outcomes {
    grid-template-columns: minmax(0, 1fr);
  }
  .sessions {
    display: grid;
    gap: 0.75em;
  }
  .session {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    padding: 0.75em;
    border: 2px solid var(--_ouder-border-color);
    border-radius: var(--_ouder-radius);
  }
  .session--chosen {
    border-color: var(--_ouder-primary);
    background: var(--_ouder-surface);
  }
  .session--full,
  .session--closed {
    border-style: dashed;
  }
  /* Each session: its title, then the time, the place and the places left, each on a line of its own. */
  .session .choice-text {
    gap: 0.25em;
  }
  .session label {
    font-weight: 700;
  }
  .session .hint {
    display: grid;
  }
  .session--few .session-status,
  .session--waitlist .session-status {
    color: var(--_ouder-color);
  }
  .outcomes {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .button-link {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_ouder-primary);
    border-radius: var(--_ouder-radius);
    background: var(--_ouder-primary);
    color: var(--_ouder-on-primary);
    font-weight: 700;
    text-decoration: none;
  }
  @media (forced-colors: active) {
    .session--chosen {
      border-color: Highlight;
    }
    .button-link {
      border-color: LinkText;
    }
  }
`;
