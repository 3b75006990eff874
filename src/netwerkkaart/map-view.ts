import { html, nothing, svg } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { heading } from '../core/form.js';
import { plural } from '../core/i18n/index.js';
import { dutchOrder } from './gazetteer.js';
import { type Box, pathInView, type Region, ringsOf } from './geo.js';
import { type Marker, markerPixels } from './map.js';
import type { Network } from './netwerkkaart.js';
import { outline } from './outline.js';
import type { KaartView } from './view.js';

/** Digits 0–9 as strokes in a 4 × 6 box, each path starting at its top-left corner. */
const digitStrokes = ['h4v6h-4z', 'm2 0v6', 'h4v3h-4v3h4', 'h4v6h-4m0-3h4', 'v3h4m0-3v6', 'm4 0h-4v3h4v3h-4', 'm4 0h-4v6h4v-3h-4', 'h4v6', 'h4v6h-4zm0 3h4', 'm4 3h-4v-3h4v6h-4'];

const land = ringsOf(outline);

/** "3 netwerken op deze plek" */
function groupLabel(view: KaartView, count: number): string {
  return `${plural(view.strings.networks, count, view.language)} ${view.strings.here}`;
}

/**
 * The map beside the list (below it on a narrow screen): the CBS outline, the boundaries (those
 * a network serves shaded, the chosen network's area highlighted), one marker per network or
 * group, and under it what keyboard and screen-reader users need to do the same: the list of the
 * areas, the networks of an open group, the chosen network, and the credit for the data.
 */
export function renderMap(view: KaartView) {
  const { strings, map } = view;
  const markers = map.markers(view.visible());
  const focused = map.current(markers);
  const unit = map.unitsPerPixel;
  const withoutLocation = view.visible().filter((network) => !network.location).length;
  const selected = view.kaart.networks.find((network) => network.id === view.selectedId);
  const regions = view.regionList;
  const states = regions.map((region) => view.regionState(region));
  // Zoomed in, only what is in view is drawn, cut at its edges: nothing of the map reaches
  // beyond its frame (where it would lie under the text around it).
  const zoom = map.view;
  const inView = ([left, top, right, bottom]: Box) => !zoom || (right >= zoom[0] && left <= zoom[0] + zoom[2] && bottom >= zoom[1] && top <= zoom[1] + zoom[3]);
  // The highlighted regions last, so their outline is drawn over their neighbours'.
  const order = regions
    .map((_, index) => index)
    .filter((index) => inView(regions[index].box))
    .sort((a, b) => Number(states[a].chosen) - Number(states[b].chosen));
  const question = view.search.question;
  const chosenRegion = question && 'region' in question ? regions.indexOf(question.region) : -1;
  return html`<section class="map" part="map" aria-labelledby="map-title">
    ${heading(view.level, strings.mapLabel, { class: 'visually-hidden', id: 'map-title' })}
    <div class="map-frame" dir="ltr">
      <svg
        viewBox=${map.viewBox.join(' ')}
        role=${markers.length > 0 ? 'group' : 'img'}
        aria-label=${strings.mapLabel}
        aria-describedby=${ifDefined(markers.length > 0 ? 'map-hint' : undefined)}
        @keydown=${(event: KeyboardEvent) => {
          const chosen = map.onKey(markers, event);
          if (chosen) activate(view, chosen);
        }}
      >
        <path class="land" d=${zoom ? pathInView(land, zoom) : outline}></path>
        ${regions.length > 0
          ? svg`<g class="regions" aria-hidden="true" @click=${(event: Event) => onRegionClick(view, event)}>
              ${order.map((index) => {
                const { served, chosen } = states[index];
                return svg`<path class="region ${served ? 'region--served' : ''} ${chosen ? 'region--chosen' : ''}" data-index=${index} data-key=${regions[index].code ?? regions[index].key} d=${zoom ? pathInView(regions[index].rings, zoom) : regions[index].path}><title>${regions[index].name}</title></path>`;
              })}
            </g>`
          : nothing}
        ${markers.map((marker) => renderMarker(view, marker, marker === focused, unit))}
      </svg>
    </div>
    ${markers.length > 0 ? html`<p class="hint" id="map-hint">${strings.mapHint}</p>` : nothing}
    ${withoutLocation > 0 ? html`<p class="hint">${strings.withoutLocation} ${plural(strings.networks, withoutLocation, view.language)}</p>` : nothing}
    ${map.view
      ? html`<p><button type="button" class="link-button whole-map" @click=${() => map.zoomTo()}>${strings.wholeMap}</button></p>`
      : nothing}
    ${regions.length > 0 ? renderAreaChoice(view, regions, chosenRegion) : nothing}
    <div class="map-panel">
      <div id="map-group">
        ${map.openGroup
          ? html`<p>${groupLabel(view, map.openGroup.length)}:</p>
              <ul class="group">
                ${map.openGroup.map(
                  (network) =>
                    html`<li>
                      <button
                        type="button"
                        class="link-button"
                        aria-pressed=${network.id === view.selectedId ? 'true' : 'false'}
                        @click=${() => view.chooseOnMap(network)}
                      >
                        ${view.name(network)}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing}
      </div>
      ${selected
        ? html`<p>
            ${strings.selected(view.name(selected))}
            <button type="button" class="link-button" @click=${() => view.revealInList(selected, true)}>${strings.showInList}</button>
          </p>`
        : nothing}
      <p class="visually-hidden" role="status">${view.announcer.say('map', selected ? strings.selected(view.name(selected)) : '')}</p>
    </div>
    <p class="credit">${strings.credit}</p>
  </section>`;
}

const alphabetical = new WeakMap<readonly Region[], { region: Region; index: number }[]>();

/** The areas on the map as a list, for those who cannot point at them: choosing one is clicking it. */
function renderAreaChoice(view: KaartView, regions: readonly Region[], chosen: number) {
  let sorted = alphabetical.get(regions);
  if (!sorted) {
    sorted = regions.map((region, index) => ({ region, index })).sort((a, b) => dutchOrder.compare(a.region.name, b.region.name));
    alphabetical.set(regions, sorted);
  }
  return html`<div class="field area">
    <label class="label" for="area">${view.strings.chooseArea}</label>
    <select
      id="area"
      @change=${(event: Event) => {
        const index = Number((event.target as HTMLSelectElement).value);
        if (regions[index]) view.chooseRegion(regions[index]);
      }}
    >
      <option value="" ?selected=${chosen < 0}>—</option>
      ${sorted.map(({ region, index }) => html`<option value=${index} ?selected=${index === chosen}>${region.name}</option>`)}
    </select>
  </div>`;
}

function onRegionClick(view: KaartView, event: Event): void {
  const region = view.regionList[Number((event.target as Element).getAttribute('data-index'))];
  if (region) view.chooseRegion(region);
}

/** A marker: one network selects it (and shows it in the list); a group opens the list of its networks under the map. */
function activate(view: KaartView, marker: Marker): void {
  const { map } = view;
  map.focusKey = marker.key;
  if (marker.members.length === 1) {
    map.openGroup = undefined;
    view.chooseOnMap(marker.members[0]);
    return;
  }
  map.toggleGroup(marker);
}

/**
 * The count on a group marker, drawn as strokes: SVG text on a shape is something axe cannot
 * check for contrast, and the number is in the marker's name already.
 */
function renderCount(count: number, unit: number) {
  const digits = String(count);
  const scale = (9 * unit) / 6;
  const path = [...digits].map((digit, index) => `M${index * 7} 0${digitStrokes[Number(digit)]}`).join('');
  return svg`<path class="count-label" d=${path}
    transform="scale(${scale}) translate(${-(digits.length * 7 - 3) / 2} -3)"></path>`;
}

function renderMarker(view: KaartView, marker: Marker, focused: boolean, unit: number) {
  const count = marker.members.length;
  const names = marker.members.map((network: Network) => view.name(network)).join(', ');
  const group = count > 1;
  const selected = marker.members.some((network) => network.id === view.selectedId);
  const open = group && view.map.isOpen(marker);
  return svg`<g
    class="marker ${selected ? 'marker--selected' : ''}"
    role="button"
    tabindex=${focused ? '0' : '-1'}
    aria-label=${group ? `${groupLabel(view, count)}: ${names}` : names}
    aria-pressed=${ifDefined(group ? undefined : selected ? 'true' : 'false')}
    aria-expanded=${ifDefined(group ? (open ? 'true' : 'false') : undefined)}
    aria-controls=${ifDefined(group ? 'map-group' : undefined)}
    data-key=${marker.key}
    transform="translate(${marker.x} ${marker.y})"
    @click=${() => activate(view, marker)}
    @focus=${() => (view.map.focusKey = marker.key)}
  >
    <circle class="target" r=${markerPixels.target * unit}></circle>
    <circle class="ring" r=${(markerPixels.dot + 4) * unit}></circle>
    <circle class="dot" r=${(group ? markerPixels.dot + 3 : markerPixels.dot) * unit}></circle>
    ${group ? renderCount(count, unit) : nothing}
  </g>`;
}
