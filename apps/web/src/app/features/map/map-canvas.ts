import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import type * as Leaflet from 'leaflet';

/** Commune outlines as served by `GET /api/communes/contours`. */
export type ContourCollection = GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string; nom?: string }>;

/** A site to draw: a circle marker of its status colour. */
export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  colour: string;
  /** Hover card (HTML, already escaped). */
  tooltip: string;
  /** Read by screen readers on the marker. */
  label: string;
}

/** A place name written on the map (used when the communes cannot be drawn). */
export interface MapLabel {
  text: string;
  latitude: number;
  longitude: number;
}

/** Bounding box of the Seine-et-Marne, shown when there is nothing to frame. */
const FALLBACK_BOUNDS: [[number, number], [number, number]] = [
  [48.12, 2.39],
  [49.12, 3.56],
];

/** Leaflet's stylesheet, built apart (project.json, `bundleName: leaflet`, not injected): loaded with the map. */
const LEAFLET_CSS = 'leaflet.css';

/**
 * The only code that touches Leaflet: draws the communes (fill and hover card per commune, the
 * département outline beneath) and the sites on a neutral background, without any tile server.
 * Leaflet and its stylesheet are loaded when the first map is shown. Tests of the page replace
 * this component.
 */
@Component({
  selector: 'app-map-canvas',
  // A region, not an image: Leaflet puts focusable controls and markers inside (an image's
  // children are hidden from screen readers, so nested controls would be unreachable).
  template: `<div #host class="map-canvas" role="region" aria-roledescription="carte" [attr.aria-label]="label()"></div>
    @if (failed()) {
      <p class="map-canvas__error" role="alert">
        La carte n’a pas pu être affichée. Les tableaux ci-dessous donnent les mêmes informations.
      </p>
    }`,
  styleUrl: './map-canvas.scss',
  // Leaflet builds its own elements (panes, tooltips): the styles are scoped by the tag instead.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MapCanvas {
  /** `null`: no contours; the sites are drawn alone. */
  readonly contours = input<ContourCollection | null>(null);
  /** Fill colour per INSEE code. */
  readonly fills = input<ReadonlyMap<string, string>>(new Map());
  /** Hover card per INSEE code (HTML, already escaped). */
  readonly tooltips = input<ReadonlyMap<string, string>>(new Map());
  readonly points = input<readonly MapPoint[]>([]);
  readonly labels = input<readonly MapLabel[]>([]);
  /** Describes the picture for screen readers. */
  readonly label = input('Carte');
  readonly siteSelected = output<string>();

  protected readonly failed = signal(false);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private readonly document = inject(DOCUMENT);
  private readonly L = signal<typeof Leaflet | null>(null);
  private map: Leaflet.Map | null = null;
  private communeLayers = new Map<string, Leaflet.Path>();
  private communeGroup: Leaflet.FeatureGroup | null = null;
  private outlineGroup: Leaflet.Layer | null = null;
  private siteGroup: Leaflet.FeatureGroup | null = null;
  private labelGroup: Leaflet.LayerGroup | null = null;

  constructor() {
    afterNextRender(() => void this.load());
    inject(DestroyRef).onDestroy(() => this.map?.remove());

    // New outlines: redraw the communes and frame them.
    effect(() => {
      const L = this.L();
      const contours = this.contours();
      if (!L || !this.map) return;
      untracked(() => this.drawCommunes(L, contours));
    });
    // New indicator: only the fills and cards change.
    effect(() => {
      const L = this.L();
      const fills = this.fills();
      const tooltips = this.tooltips();
      if (!L) return;
      for (const [code, layer] of this.communeLayers) {
        layer.setStyle({ fillColor: fills.get(code) ?? '#ffffff' });
        const tip = tooltips.get(code);
        if (tip) layer.setTooltipContent(tip);
      }
    });
    effect(() => {
      const L = this.L();
      const points = this.points();
      if (!L || !this.map) return;
      untracked(() => this.drawPoints(L, points));
    });
    effect(() => {
      const L = this.L();
      const labels = this.labels();
      if (!L || !this.map) return;
      untracked(() => this.drawLabels(L, labels));
    });
  }

  private async load(): Promise<void> {
    try {
      this.loadStylesheet();
      // The ES module build: bundled as is, in this route's chunk only.
      const L: typeof Leaflet = await import('leaflet/dist/leaflet-src.esm.js');
      this.map = L.map(this.host().nativeElement, {
        attributionControl: false,
        zoomSnap: 0.25,
        minZoom: 7,
        maxZoom: 16,
        // The page scrolls with the wheel; zoom with the buttons, a double click or a pinch.
        scrollWheelZoom: false,
        keyboard: true,
      });
      this.map.fitBounds(FALLBACK_BOUNDS);
      this.L.set(L);
    } catch {
      this.failed.set(true);
    }
  }

  private loadStylesheet(): void {
    if (this.document.querySelector(`link[data-leaflet]`)) return;
    const link = this.document.createElement('link');
    link.rel = 'stylesheet';
    link.href = LEAFLET_CSS;
    link.dataset['leaflet'] = '';
    this.document.head.appendChild(link);
  }

  private drawCommunes(L: typeof Leaflet, contours: ContourCollection | null): void {
    const map = this.map as Leaflet.Map;
    this.communeGroup?.remove();
    this.outlineGroup?.remove();
    this.communeLayers.clear();
    this.communeGroup = null;
    this.outlineGroup = null;
    if (!contours || contours.features.length === 0) {
      this.frame();
      return;
    }
    // The département outline: every commune drawn with a thick stroke under the filled communes,
    // whose fills hide the inner half of the strokes; only the outer edge stays visible.
    this.outlineGroup = L.geoJSON(contours, {
      interactive: false,
      style: { color: '#44474e', weight: 4, fill: false, opacity: 1 },
    }).addTo(map);
    const fills = this.fills();
    const tooltips = this.tooltips();
    this.communeGroup = L.geoJSON(contours, {
      style: (feature?: GeoJSON.Feature) => ({
        color: '#ffffff',
        weight: 0.6,
        fillOpacity: 1,
        fillColor: fills.get(String(feature?.properties?.['code'])) ?? '#ffffff',
      }),
      onEachFeature: (feature, layer) => {
        const code = String(feature.properties?.['code']);
        const path = layer as Leaflet.Path;
        this.communeLayers.set(code, path);
        path.bindTooltip(tooltips.get(code) ?? String(feature.properties?.['nom'] ?? code), {
          sticky: true,
          opacity: 1,
          className: 'map-tooltip',
        });
        path.on('mouseover', () => path.setStyle({ weight: 2, color: '#1f1f1f' }));
        path.on('mouseout', () => path.setStyle({ weight: 0.6, color: '#ffffff' }));
      },
    }).addTo(map);
    this.siteGroup?.bringToFront();
    this.frame();
  }

  private drawPoints(L: typeof Leaflet, points: readonly MapPoint[]): void {
    const map = this.map as Leaflet.Map;
    this.siteGroup?.remove();
    this.siteGroup = L.featureGroup(
      points.map((p) => {
        const marker = L.circleMarker([p.latitude, p.longitude], {
          radius: 6,
          color: '#ffffff',
          weight: 1.5,
          fillColor: p.colour,
          fillOpacity: 1,
        });
        marker.bindTooltip(p.tooltip, { className: 'map-tooltip', direction: 'top', offset: [0, -6], opacity: 1 });
        marker.on('click', () => this.siteSelected.emit(p.id));
        marker.on('add', () => {
          const element = marker.getElement();
          element?.setAttribute('aria-label', p.label);
          element?.setAttribute('role', 'link');
        });
        return marker;
      }),
    ).addTo(map);
    this.frame();
  }

  private drawLabels(L: typeof Leaflet, labels: readonly MapLabel[]): void {
    this.labelGroup?.remove();
    this.labelGroup = L.layerGroup(
      labels.map((l) => {
        const text = this.document.createElement('span');
        text.textContent = l.text;
        return L.marker([l.latitude, l.longitude], {
          icon: L.divIcon({ className: 'map-label', html: text, iconSize: undefined }),
          interactive: false,
          keyboard: false,
        });
      }),
    ).addTo(this.map as Leaflet.Map);
  }

  /** Frames the communes and the placed sites, else the département's box. */
  private frame(): void {
    const map = this.map as Leaflet.Map;
    const bounds = [this.communeGroup?.getBounds(), this.siteGroup?.getBounds()].filter(
      (b): b is Leaflet.LatLngBounds => b?.isValid() === true,
    );
    if (bounds.length === 0) {
      map.fitBounds(FALLBACK_BOUNDS);
      return;
    }
    map.fitBounds(
      bounds.reduce((all, b) => all.extend(b)),
      { padding: [12, 12] },
    );
  }
}
