import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Box, groupPoints, type MarkerGroup, neighbour, project, type View, viewOf } from './geo.js';
import type { Network } from './netwerkkaart.js';
import { mapSize } from './outline.js';

/** A marker on the map: one network, or several at (almost) the same spot. */
export type Marker = MarkerGroup<Network> & { key: string };

/** Markers are drawn and hit at the same size on screen, whatever the map's size or zoom. */
export const markerPixels = { dot: 8, target: 14 };

export interface MapHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The map's own state: which part of the country it shows (an SVG viewBox, no tiles), how wide it
 * is on screen (so markers keep their size and never overlap), the marker with the roving tab
 * stop, and the group of markers whose networks are listed under it.
 */
export class MapController implements ReactiveController {
  /** The marker (by its first network's id) that takes the one tab stop of the map. */
  focusKey?: string;
  /** Networks at one spot, listed under the map to choose from. */
  openGroup?: Network[];
  /** The part of the map shown; the whole country when absent. */
  view?: View;
  /** Width of the map on screen, in CSS pixels. */
  pixels = 0;

  private resizeObserver?: ResizeObserver;

  constructor(private readonly host: MapHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    const frame = this.host.renderRoot.querySelector('.map-frame');
    if (frame && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(([entry]) => {
        this.pixels = entry.contentRect.width;
        this.host.requestUpdate();
      });
      this.resizeObserver.observe(frame);
    }
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  get viewBox(): View {
    return this.view ?? [0, 0, mapSize.width, mapSize.height];
  }

  /** Map units per screen pixel at the current zoom. */
  get unitsPerPixel(): number {
    return this.pixels > 0 ? this.viewBox[2] / this.pixels : 1;
  }

  /** Shows `box` (or, without one, the whole country). */
  zoomTo(box?: Box): void {
    this.view = box ? viewOf(box, mapSize) : undefined;
    if (this.view && this.view[2] >= mapSize.width) this.view = undefined;
    this.host.requestUpdate();
  }

  /**
   * One marker per network with a location, or per group that would overlap at this size; only
   * those in view, in the list's order (the reading order Home and End follow).
   */
  markers(networks: readonly Network[]): Marker[] {
    const points = networks
      .filter((network) => network.location)
      .map((network) => {
        const [x, y] = project(network.location!.lon, network.location!.lat);
        return { x, y, item: network };
      });
    const [left, top, width, height] = this.viewBox;
    // Whole markers only: one cut by the edge would reach beyond the frame.
    const edge = this.view ? markerPixels.target * this.unitsPerPixel : 0;
    return groupPoints(points, 2 * markerPixels.target * this.unitsPerPixel)
      .filter(({ x, y }) => x >= left + edge && x <= left + width - edge && y >= top + edge && y <= top + height - edge)
      .map((group) => ({ ...group, key: group.members[0].id }));
  }

  /** Whether the networks of this group are listed under the map. */
  isOpen(marker: Marker): boolean {
    return this.openGroup?.[0]?.id === marker.key;
  }

  toggleGroup(marker: Marker): void {
    this.openGroup = this.isOpen(marker) ? undefined : marker.members;
    this.host.requestUpdate();
  }

  /** The marker that has the tab stop: the focused one if it is still there, else the first. */
  current(markers: readonly Marker[]): Marker | undefined {
    return markers.find((marker) => marker.members.some((network) => network.id === this.focusKey)) ?? markers[0];
  }

  /**
   * Arrow keys move geographically (also in right-to-left languages: the map is never mirrored),
   * Home and End to the first and last in reading order; Enter and Space choose, Escape closes a
   * group. Returns the marker to choose, if one was chosen.
   */
  onKey(markers: readonly Marker[], event: KeyboardEvent): Marker | undefined {
    const current = this.current(markers);
    if (!current) return undefined;
    let next: Marker | undefined;
    if (event.key.startsWith('Arrow')) next = neighbour(markers, current, event.key) ?? current;
    else if (event.key === 'Home') next = markers[0];
    else if (event.key === 'End') next = markers[markers.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      return current;
    } else if (event.key === 'Escape' && this.openGroup) {
      this.openGroup = undefined;
      this.host.requestUpdate();
      return undefined;
    } else return undefined;
    event.preventDefault();
    this.focusKey = next.key;
    this.host.requestUpdate();
    void this.focusMarker();
    return undefined;
  }

  async focusMarker(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<SVGElement>('.marker[tabindex="0"]')?.focus();
  }
}
