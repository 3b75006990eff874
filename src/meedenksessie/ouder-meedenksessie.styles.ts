import { css } from 'lit';

export const meedenksessieStyles = css`
  /* Single columns that never grow past the widget, whatever a long word or a large font. */
  form,
  .panel,
  .sessions,
  .session-text,
  .session-details,
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
  .session input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.1em 0 0;
    accent-color: var(--_ouder-primary);
  }
  .session-text {
    flex: 1;
    display: grid;
    gap: 0.25em;
    min-inline-size: 0;
  }
  .session-title {
    font-weight: 700;
    cursor: pointer;
  }
  .session-details {
    display: grid;
    color: var(--_ouder-muted-color);
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
