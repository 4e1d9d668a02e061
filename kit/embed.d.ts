// Types of ParkMap's partner kit (embed.js beside this file): the options of ParkMap.embed, every
// command of the postMessage API v1 with its reply, every event, and the <park-map> element.
// Checked by `tsc --noEmit -p kit` against kit/example.ts (scripts/test.sh).

/** UI languages. */
export type Lang = 'zh' | 'en' | 'ru';
/** The map's layers, as `setLayers`, `getLayers` and the URL's `hide=` name them. */
export type LayerKey = 'context' | 'zones' | 'waterfront' | 'greenway' | 'pois' | 'companies';
/** Industries, as `setFilter` and the URL's `ind=` name them. */
export type Industry = 'digital_economy' | 'new_materials' | 'high_end_equipment' | 'bio_economy' | 'modern_services' | 'other';
/** What a selection names. */
export type FeatureKind = 'company' | 'zone' | 'trail' | 'poi' | 'site';
/** Site types, land uses, statuses and utilities, as the sites layer and `filterSites` name them. */
export type SiteType = 'land' | 'factory' | 'office' | 'incubator' | 'warehouse' | 'other';
export type LandUse = 'industrial' | 'rnd' | 'commercial' | 'logistics' | 'mixed';
export type SiteStatus = 'available' | 'reserved' | 'under_construction' | 'leased';
export type Utility = 'gas' | 'fibre' | 'district_heating';
/** `filterSites`'s fields: the site finder's filter (whole numbers; a field left out does not narrow). */
export interface SiteFilter {
  types?: SiteType[];
  /** Area range, m². */
  areaMin?: number;
  areaMax?: number;
  landUses?: LandUse[];
  statuses?: SiteStatus[];
  /** Least electrical capacity, kVA. */
  minPowerKva?: number;
  /** Utilities required. */
  utilities?: Utility[];
  /** Highest sale price, yuan per m². */
  maxSalePrice?: number;
  /** Highest rent, yuan per m² and month. */
  maxRent?: number;
}
/** A position as the API writes it: `[lat, lon]`, degrees (WGS84). */
export type LatLon = [lat: number, lon: number];

/** A view: centre and zoom (`0..=22`). */
export interface View { lat: number; lon: number; zoom: number }
/** `flyTo`'s fields: without `zoom` the zoom stays. */
export interface FlyTo { lat: number; lon: number; zoom?: number | null }
/** `setLayers`'s fields: at least one of them; layers not named keep their state. */
export interface SetLayers { visible?: LayerKey[]; hidden?: LayerKey[] }
/** `setFilter`'s fields: the company filter; a field left out (or `null`) does not narrow. */
export interface Filter {
  industries?: Industry[] | null;
  zone?: string | null;
  /** Registered capital, yuan (whole numbers). */
  capitalMin?: number | null;
  capitalMax?: number | null;
  /** Founding year, `0..=9999`. */
  foundedMin?: number | null;
  foundedMax?: number | null;
}
/** `planRoute`'s fields: a route through 2–50 waypoints, or a loop of `loopKm` (`2..=40`) from `start`. */
export type RouteRequest =
  | { waypoints: LatLon[]; winter?: boolean }
  | { loopKm: number; start: LatLon; winter?: boolean };

/** `getSelection`'s answer (the URL's `sel=kind:id`); `null`: nothing selected. */
export interface Selection { kind: FeatureKind; id: string }
/** `getFilter`'s answer: every field, `null` where it does not narrow (a valid `setFilter`). */
export interface FilterState {
  industries: Industry[];
  zone: string | null;
  capitalMin: number | null;
  capitalMax: number | null;
  foundedMin: number | null;
  foundedMax: number | null;
}
/** `getRoute`'s answer (a valid `planRoute`); `null`: no route. */
export type RouteState =
  | { waypoints: LatLon[]; winter: boolean }
  | { loopKm: number; start: LatLon; winter: boolean }
  | null;
/** `getLayers`'s answer. */
export interface LayersState { visible: LayerKey[]; hidden: LayerKey[] }
/** A planned route's figures: `planRoute`'s answer and `routeChanged`'s fields. */
export interface RouteSummary { distanceKm: number; walkingMin: number; cyclingMin: number; waypoints: LatLon[] }

/** The envelope of every message from the map. */
interface Envelope<T extends string> { source: 'parkmap'; v: 1; type: T }
/** Every event of the map, by type. */
export interface ParkMapEvents {
  /** The map listens for commands. */
  ready: Envelope<'ready'> & { version: string };
  /** A company was selected (by the visitor or a command); `name` is English. */
  companySelected: Envelope<'companySelected'> & { id: string; name: string };
  /** A zone was selected. */
  zoneSelected: Envelope<'zoneSelected'> & { id: string; name: string };
  /** A site was selected (`name` is English). */
  siteSelected: Envelope<'siteSelected'> & { id: string; name: string };
  /** The view settled after a move. */
  viewChanged: Envelope<'viewChanged'> & View;
  /** A route was planned or changed. */
  routeChanged: Envelope<'routeChanged'> & RouteSummary;
  /** The map's content height changed, CSS pixels (`height: 'auto'` follows it). */
  resize: Envelope<'resize'> & { height: number };
  /** The map refused something: a command another script sent, or (on the element) an attribute. */
  error: Envelope<'error'> & { message: string; command?: string; requestId?: string | number };
}
/** The type of an event. */
export type ParkMapEventType = keyof ParkMapEvents;
/** Any event. */
export type ParkMapEvent = ParkMapEvents[ParkMapEventType];

/** Options of {@link ParkMap.embed}; every one optional. */
export interface EmbedOptions {
  /** The map's page; default: the folder embed.js was loaded from. Its own query parameters are
   *  kept unless an option below sets the same one. */
  src?: string | URL;
  lang?: Lang;
  /** The first view: `{lat, lon, zoom}` (zoom default 16) or `"zoom/lat/lon"`, as `#map=`. */
  view?: FlyTo | string;
  /** What is selected first: `"company:c0001"`, `"zone:z09"` (the URL's `sel=`) or `{kind, id}`. */
  selection?: string | Selection;
  /** The layers shown: a list (the others hidden) or `{hidden}`. */
  layers?: LayerKey[] | string | SetLayers;
  filter?: Filter;
  route?: RouteRequest;
  /** More origins allowed to drive the map; this page's own origin is always one. */
  origins?: string[] | string;
  /** CSS pixels (default 400), or `'auto'`: the map's content height within `minHeight`..`maxHeight`. */
  height?: number | string | 'auto';
  /** With `height: 'auto'`: least height, px (default 200). */
  minHeight?: number | string;
  /** With `height: 'auto'`: most height, px (default none). */
  maxHeight?: number | string;
  /** The iframe's accessible title (default "Park map"). */
  title?: string;
  /** The iframe's `loading` (default `'lazy'`). */
  loading?: 'lazy' | 'eager';
  /** How long a command may take before its promise rejects, ms (default 15000). */
  timeout?: number;
}

/** A command the map refused: `message` is the map's own. */
export declare class ParkMapError extends Error {
  readonly name: 'ParkMapError';
  /** The command's type. */
  readonly command?: string;
}

/** One embedded map. Every command method waits for `ready`, then resolves when the map has done it
 *  (a move once the view has settled), or rejects with a {@link ParkMapError}. */
export declare class ParkMap {
  /** Creates the iframe in `target` (an element, a CSS selector or a shadow root). */
  static embed(target: string | Element | ShadowRoot, options?: EmbedOptions): ParkMap;
  constructor(target: string | Element | ShadowRoot, options?: EmbedOptions);
  /** The iframe. */
  readonly iframe: HTMLIFrameElement;
  /** The map's origin. */
  readonly origin: string;
  /** Resolves once the map listens (at once when it already does); rejects if destroyed first. */
  ready(): Promise<ParkMapEvents['ready']>;
  on<K extends ParkMapEventType>(type: K, fn: (event: ParkMapEvents[K]) => void): this;
  on(type: '*', fn: (event: ParkMapEvent) => void): this;
  off<K extends ParkMapEventType>(type: K, fn: (event: ParkMapEvents[K]) => void): this;
  off(type: '*', fn: (event: ParkMapEvent) => void): this;

  selectCompany(id: string): Promise<void>;
  selectZone(id: string): Promise<void>;
  flyTo(view: FlyTo): Promise<void>;
  fitPark(): Promise<void>;
  setLayers(layers: SetLayers): Promise<void>;
  setFilter(filter: Filter): Promise<void>;
  /** Resolves with the route's figures; rejects when no route can be planned. */
  planRoute(route: RouteRequest): Promise<RouteSummary>;
  setLanguage(lang: Lang): Promise<void>;
  /** Opens a site's panel (the site finder's). */
  selectSite(id: string): Promise<void>;
  /** Opens the site finder with this filter. */
  filterSites(filter: SiteFilter): Promise<void>;
  getView(): Promise<View>;
  getSelection(): Promise<Selection | null>;
  getFilter(): Promise<FilterState>;
  getRoute(): Promise<RouteState>;
  getLayers(): Promise<LayersState>;
  /** Any command by its type (one this kit has no method for yet). */
  send(type: string, fields?: Record<string, unknown>): Promise<unknown>;

  /** The iframe's height in px, or `'auto'` (see {@link EmbedOptions.height}). */
  setHeight(height: number | string | 'auto', bounds?: { minHeight?: number | string; maxHeight?: number | string }): void;
  /** Removes the iframe and every listener; what still waits rejects. */
  destroy(): void;
}

/** Each command's message fields from its method's arguments. */
export declare const COMMANDS: Record<string, (...args: any[]) => Record<string, unknown>>;
/** The layers the map draws by itself. */
export declare const LAYERS: readonly LayerKey[];
/** The iframe URL for `options` (what {@link ParkMap.embed} loads). */
export declare function mapUrl(options?: EmbedOptions): string;

/** The DOM events of `<park-map>`: the map's events in lower case, each a bubbling CustomEvent whose
 *  `detail` is the event. */
export interface ParkMapElementEventMap {
  ready: CustomEvent<ParkMapEvents['ready']>;
  companyselected: CustomEvent<ParkMapEvents['companySelected']>;
  zoneselected: CustomEvent<ParkMapEvents['zoneSelected']>;
  siteselected: CustomEvent<ParkMapEvents['siteSelected']>;
  viewchanged: CustomEvent<ParkMapEvents['viewChanged']>;
  routechanged: CustomEvent<ParkMapEvents['routeChanged']>;
  resize: CustomEvent<ParkMapEvents['resize']>;
  error: CustomEvent<ParkMapEvents['error']>;
}

/** `<park-map src lang selection layers view height min-height max-height title origins>`. */
export declare class ParkMapElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The handle of the map inside, while the element is in the document. */
  readonly map: ParkMap | null;
  addEventListener<K extends keyof ParkMapElementEventMap>(type: K,
    listener: (this: ParkMapElement, ev: ParkMapElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ParkMapElementEventMap>(type: K,
    listener: (this: ParkMapElement, ev: ParkMapElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { 'park-map': ParkMapElement }
}
