import { css, unsafeCSS } from 'lit';
import { mapSize } from './outline.js';

export const netwerkkaartStyles = css`
  :host {
    --_ouder-max-width: var(--ouder-max-width, 72rem);
    --_ouder-land-color: var(--ouder-land-color, #f1efe9);
    --_ouder-region-color: var(--ouder-region-color, #b9d7ea);
  }
  .root {
    container: netwerkkaart / inline-size;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_ouder-space) * 1.5);
  }
  @container netwerkkaart (min-width: 50rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
    .map {
      position: sticky;
      inset-block-start: 0;
    }
  }
  .list,
  .map,
  .result,
  .search,
  .network,
  .map-panel {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em;
    align-content: start;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .search-row input {
    flex: 1 1 12rem;
    inline-size: auto;
    /* An input's intrinsic width (about 20 characters) would push the row past 320 px. */
    min-inline-size: 0;
  }
  [role='listbox'] {
    max-block-size: 18rem;
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    background: var(--_ouder-background);
    border: 2px solid var(--_ouder-border-color);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    min-block-size: 2.75rem;
    padding: 0.4em 0.6em;
    cursor: pointer;
  }
  [role='option']:hover {
    background: var(--_ouder-surface);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_ouder-primary);
    color: var(--_ouder-on-primary);
  }
  .result {
    padding: var(--_ouder-space);
    border-inline-start: 6px solid var(--_ouder-primary);
    background: var(--_ouder-surface);
  }
  .networks {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .network,
  .map-panel {
    justify-items: start;
  }
  .network {
    gap: 0.4em;
    padding: 0.75em var(--_ouder-space);
    border: 2px solid var(--_ouder-surface);
    border-radius: var(--_ouder-radius);
    background: var(--_ouder-background);
  }
  .network--selected {
    border-color: var(--_ouder-focus-color);
    border-inline-start: 8px solid var(--_ouder-focus-background);
  }
  #answer:focus,
  .network-name:focus {
    outline: 3px solid var(--_ouder-focus-color);
  }
  dl {
    display: grid;
    gap: 0.2em;
    margin: 0;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  dt {
    font-weight: 700;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
  }
  .filter select {
    inline-size: auto;
    max-inline-size: 100%;
  }
  .group,
  .choices {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .choices {
    display: grid;
    gap: 0.5em;
    padding: 0;
    list-style: none;
  }
  .via {
    font-weight: 700;
  }
  .area select {
    inline-size: auto;
    max-inline-size: 100%;
  }
  .credit {
    margin: 0;
    font-size: 0.875em;
    color: var(--_ouder-muted-color);
  }
  .map-frame {
    overflow: hidden;
    border: 1px solid var(--_ouder-border-color);
    border-radius: var(--_ouder-radius);
    background: var(--_ouder-background);
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: ${unsafeCSS(mapSize.width)} / ${unsafeCSS(mapSize.height)};
  }
  .land {
    fill: var(--_ouder-land-color);
    stroke: var(--_ouder-border-color);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .region {
    fill: transparent;
    stroke: var(--_ouder-muted-color);
    stroke-width: 0.5;
    stroke-opacity: 0.5;
    vector-effect: non-scaling-stroke;
    cursor: pointer;
  }
  .region--served {
    fill: var(--_ouder-region-color);
  }
  .region--chosen {
    /* A tint, so the chosen network's marker (in the full colour) stands out on it. */
    fill: var(--_ouder-focus-background);
    fill-opacity: 0.5;
    stroke: var(--_ouder-focus-color);
    stroke-width: 2;
    stroke-opacity: 1;
  }
  .region:hover {
    stroke-opacity: 1;
  }
  .marker {
    cursor: pointer;
    outline: none;
  }
  .marker .target {
    fill: transparent;
  }
  .marker .dot {
    fill: var(--_ouder-primary);
    stroke: var(--_ouder-background);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .marker--selected .dot {
    fill: var(--_ouder-focus-background);
    stroke: var(--_ouder-focus-color);
  }
  .marker .ring {
    fill: none;
    stroke: none;
  }
  .marker:focus-visible .ring {
    stroke: var(--_ouder-focus-color);
    stroke-width: 3;
    vector-effect: non-scaling-stroke;
  }
  .count-label {
    fill: none;
    stroke: var(--_ouder-on-primary);
    stroke-width: 1.4;
    stroke-linejoin: round;
  }
  .marker--selected .count-label {
    stroke: var(--_ouder-focus-color);
  }
  .link-button {
    min-block-size: 1.5rem;
    text-align: start;
  }
  @media (forced-colors: active) {
    .land,
    .region {
      fill: Canvas;
      stroke: CanvasText;
    }
    .region--served {
      fill: GrayText;
    }
    .region--chosen {
      fill: Highlight;
      stroke: CanvasText;
    }
    .marker .dot {
      fill: LinkText;
      stroke: Canvas;
    }
    .marker--selected .dot {
      fill: Highlight;
    }
    .marker:focus-visible .ring {
      stroke: Highlight;
    }
    .count-label {
      stroke: Canvas;
    }
    [role='option'][aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .network--selected {
      border-color: Highlight;
    }
  }
`;
