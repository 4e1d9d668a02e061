// ParkMap's partner kit: embeds the map in an <iframe> and drives it through the postMessage API v1
// (README, "postMessage API v1") with promises and events, and defines the <park-map> element.
//
//   <script type="module" src="https://map.example/embed.js"></script>
//   <park-map lang="en" selection="company:c0001"></park-map>
//
// or, from a module script: `const map = ParkMap.embed('#map', { lang: 'en' }); await map.ready();`.
// Hand-written, no dependencies, no build step: scripts/build.mjs copies this file to the root of
// dist/ as embed.js and as embed-<hash>.js. Its types are embed.d.ts beside it. It runs only in the
// partner's page; nothing of it runs in the map, which it reaches only by messages to the map's
// exact origin, and it listens only to messages from its own iframe's window at that origin.

const SOURCE = 'parkmap';
const VERSION = 1;
/** How long a command may take before its promise rejects, ms (a long loop is planned in seconds). */
const TIMEOUT_MS = 15000;
/** The map's folder: where this file was loaded from (the build puts it beside index.html). */
const DEFAULT_SRC = new URL('./', import.meta.url).href;

/** Every command of API v1: its `type` → the message fields from the method's arguments. A new command
 *  is one line here (and its signature in embed.d.ts); `map.send(type, fields)` sends any other. */
export const COMMANDS = {
  selectCompany: (id) => ({ id }),
  selectZone: (id) => ({ id }),
  flyTo: (view) => ({ ...view }),
  fitPark: () => ({}),
  setLayers: (layers) => ({ ...layers }),
  setFilter: (filter) => ({ ...filter }),
  planRoute: (route) => ({ ...route }),
  setLanguage: (lang) => ({ lang }),
  selectSite: (id) => ({ id }),
  filterSites: (filter) => ({ ...filter }),
  getView: () => ({}),
  getSelection: () => ({}),
  getFilter: () => ({}),
  getRoute: () => ({}),
  getLayers: () => ({}),
};

/** The layers the map draws by itself: a `layers` list shows exactly those it names of these. */
export const LAYERS = ['context', 'zones', 'waterfront', 'greenway', 'pois', 'companies'];

/** The command that selects a `selection` (`kind:id`, as the URL's `sel=`), by kind. */
const SELECT = { company: 'selectCompany', zone: 'selectZone', site: 'selectSite' };

/** A command the map refused: `message` is the map's own, `command` the command's type. */
export class ParkMapError extends Error {
  constructor(message, command) {
    super(message);
    this.name = 'ParkMapError';
    this.command = command;
  }
}

// ---- the iframe's URL, spelled as the map reads it (src/embed/url_state.rs) ----

/** `x` with at most `d` decimals, trailing zeros dropped (the URL takes plain decimals only). */
const num = (x, d) => {
  const s = Number(x).toFixed(d);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};
/** Percent-encodes a value, keeping the separators the map's parameters use (`,` `;` `:` `/`). */
const enc = (v) => encodeURIComponent(v).replace(/%(2C|3B|3A|2F)/g, (m) => decodeURIComponent(m));
const list = (v) => (Array.isArray(v) ? v : String(v ?? '').split(/[\s,]+/)).filter(Boolean);

/** `{lat, lon, zoom}` or `"zoom/lat/lon"` as `#map=`: lat/lon with OpenStreetMap's decimals for the zoom. */
function mapHash(view) {
  if (typeof view === 'string') return `map=${view.trim()}`;
  const zoom = Number(num(view.zoom ?? 16, 2));
  const d = Math.max(0, Math.ceil(Math.log10((256 * 2 ** zoom) / 180)));
  return `map=${zoom}/${num(view.lat, d)}/${num(view.lon, d)}`;
}

/** A `"zoom/lat/lon"` view as `flyTo`'s fields. */
function parseView(text) {
  const [zoom, lat, lon] = String(text).split('/').map(Number);
  return { lat, lon, zoom };
}

/** A selection (`"company:c0001"` or `{kind, id}`) as `[kind, id]`. */
function parseSelection(sel) {
  if (typeof sel === 'object' && sel) return [sel.kind, sel.id];
  const text = String(sel ?? '');
  const at = text.indexOf(':');
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : [text, ''];
}

/** `layers` as `setLayers` takes them: a list names the layers to show (the others are hidden). */
function layerFields(layers) {
  if (!Array.isArray(layers) && typeof layers !== 'string') return { ...layers };
  const visible = list(layers);
  return { visible, hidden: LAYERS.filter((k) => !visible.includes(k)) };
}

const range = (min, max) => (min == null && max == null ? null : `${min ?? ''}-${max ?? ''}`);

/** The iframe's URL for `options`: `src`'s own parameters kept unless an option sets them. */
export function mapUrl(options = {}) {
  const url = new URL(options.src ?? DEFAULT_SRC, document.baseURI);
  const p = [['embed', '1'], ['lang', options.lang]];
  if (options.selection) p.push(['sel', parseSelection(options.selection).join(':')]);
  const f = options.filter ?? {};
  p.push(['ind', list(f.industries).join(',')], ['zone', f.zone],
    ['cap', range(f.capitalMin, f.capitalMax)], ['yr', range(f.foundedMin, f.foundedMax)]);
  if (options.layers) p.push(['hide', list(layerFields(options.layers).hidden).join(',')]);
  const r = options.route;
  if (r) {
    const points = r.loopKm != null ? [r.start] : r.waypoints ?? [];
    p.push(['route', points.map(([lat, lon]) => `${num(lat, 5)},${num(lon, 5)}`).join(';')],
      ['winter', r.winter ? '1' : null], ['loop', r.loopKm != null ? num(r.loopKm, 2) : null]);
  }
  // The map acts on messages from allowed origins only: this page's own is always one of them.
  const origins = [...new Set([location.origin, ...list(options.origins)])].filter((o) => o !== 'null');
  p.push(['origins', origins.join(',')]);
  const ours = p.filter(([, v]) => v != null && v !== '');
  const kept = url.search.slice(1).split('&')
    .filter((kv) => kv && !ours.some(([k]) => kv.split('=')[0] === k));
  url.search = [...ours.map(([k, v]) => `${k}=${enc(v)}`), ...kept].join('&');
  if (options.view) url.hash = mapHash(options.view);
  return url.href;
}

// ---- the handle ----

let instances = 0;
const report = (err) => (globalThis.reportError ? globalThis.reportError(err) : setTimeout(() => { throw err; }));

/** One embedded map: its iframe, its commands as promises, its events. */
export class ParkMap {
  #iframe;
  #origin;
  #handlers = new Map();
  #pending = new Map();
  #prefix;
  #seq = 0;
  #timeout;
  #height;
  #reported = 400;
  #ready;
  #readyEvent = null;
  #settle;
  #onMessage;

  /** Creates the iframe in `target` (an element, a selector or a shadow root) and returns its handle. */
  static embed(target, options = {}) {
    return new ParkMap(target, options);
  }

  constructor(target, options = {}) {
    const parent = typeof target === 'string' ? document.querySelector(target) : target;
    if (!parent || typeof parent.append !== 'function') throw new TypeError(`ParkMap.embed: no element ${target}`);
    const src = mapUrl(options);
    this.#origin = new URL(src).origin;
    this.#prefix = `pm${++instances}-`;
    this.#timeout = options.timeout ?? TIMEOUT_MS;
    const iframe = document.createElement('iframe');
    Object.assign(iframe, { src, title: options.title || 'Park map', loading: options.loading ?? 'lazy' });
    iframe.setAttribute('allow', 'fullscreen; geolocation');
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    Object.assign(iframe.style, { border: '0', display: 'block', width: '100%' });
    this.#iframe = iframe;
    this.setHeight(options.height ?? 400, options);
    this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.#ready.catch(() => {}); // rejected by destroy(); only those who wait for it hear it
    this.#onMessage = (e) => this.#receive(e);
    globalThis.addEventListener('message', this.#onMessage);
    parent.append(iframe);
  }

  /** The iframe. */
  get iframe() { return this.#iframe; }

  /** The map's origin, the only one the handle talks to. */
  get origin() { return this.#origin; }

  /** Resolves with the `ready` event once the map listens (at once when it already does). */
  ready() { return this.#ready; }

  /** Calls `fn` with every event of `type` (`'*'`: every event). */
  on(type, fn) {
    if (!this.#handlers.has(type)) this.#handlers.set(type, new Set());
    this.#handlers.get(type).add(fn);
    return this;
  }

  /** Stops calling `fn` for `type`. */
  off(type, fn) {
    this.#handlers.get(type)?.delete(fn);
    return this;
  }

  /** Sends command `type` once the map is ready; resolves with the map's `ok` (a query's answer) or
   *  rejects with its `error` as a ParkMapError, or after the timeout. */
  send(type, fields = {}) {
    if (this.#onMessage === null) {
      return Promise.reject(new ParkMapError('ParkMap: this map was destroyed', type));
    }
    const requestId = `${this.#prefix}${++this.#seq}`;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, timer: 0 };
      this.#pending.set(requestId, entry);
      this.#ready.then(() => {
        if (!this.#pending.has(requestId)) return;
        entry.timer = setTimeout(() => {
          this.#pending.delete(requestId);
          reject(new ParkMapError(`ParkMap: no answer to ${type} within ${this.#timeout} ms`, type));
        }, this.#timeout);
        this.#iframe.contentWindow?.postMessage({ ...fields, source: SOURCE, v: VERSION, type, requestId }, this.#origin);
      }, () => {});
    });
  }

  /** The iframe's height: CSS pixels, or `'auto'` to follow the map's `resize` events between
   *  `minHeight` (default 200) and `maxHeight` (default none). */
  setHeight(height, { minHeight = 200, maxHeight = Infinity } = {}) {
    this.#height = height === 'auto' ? { min: Number(minHeight), max: Number(maxHeight) } : null;
    const px = height === 'auto' ? this.#fit(this.#reported) : Number(height);
    this.#iframe.style.height = `${px}px`;
  }

  /** `height` within the bounds of `height: 'auto'`. */
  #fit(height) {
    return Math.max(this.#height.min, Math.min(this.#height.max, height));
  }

  /** Removes the iframe and the handle's listener; what still waits rejects. */
  destroy() {
    if (this.#onMessage) globalThis.removeEventListener('message', this.#onMessage);
    this.#onMessage = null;
    this.#iframe.remove();
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(new ParkMapError('ParkMap: this map was destroyed'));
    }
    this.#pending.clear();
    this.#handlers.clear();
    this.#settle.reject(new ParkMapError('ParkMap: this map was destroyed'));
  }

  #receive(e) {
    // Only the map's own window at the map's origin: not another frame, not another map.
    if (e.source !== this.#iframe.contentWindow || e.origin !== this.#origin) return;
    const data = e.data;
    if (!data || data.source !== SOURCE || data.v !== VERSION || typeof data.type !== 'string') return;
    const pending = data.requestId !== undefined && this.#pending.get(data.requestId);
    if (pending && (data.type === 'ok' || data.type === 'error')) {
      this.#pending.delete(data.requestId);
      clearTimeout(pending.timer);
      if (data.type === 'ok') pending.resolve(data.result);
      else pending.reject(new ParkMapError(data.message, data.command));
      return;
    }
    if (data.type === 'ok') return; // the answer to a command no longer waited for
    if (data.type === 'ready' && !this.#readyEvent) {
      this.#readyEvent = data;
      this.#settle.resolve(data);
    }
    if (data.type === 'resize') {
      this.#reported = data.height;
      if (this.#height) this.#iframe.style.height = `${this.#fit(data.height)}px`;
    }
    for (const fn of [...(this.#handlers.get(data.type) ?? []), ...(this.#handlers.get('*') ?? [])]) {
      try { fn(data); } catch (err) { report(err); }
    }
  }
}

for (const [type, fields] of Object.entries(COMMANDS)) {
  Object.defineProperty(ParkMap.prototype, type, {
    value(...args) { return this.send(type, fields(...args)); },
    writable: true,
    configurable: true,
  });
}

// ---- <park-map> ----

/** `<park-map src lang selection layers view height min-height max-height title origins>`: the map in
 *  an open shadow root (what the element contains shows only where the kit does not run); attribute
 *  changes become commands; every event of the map bubbles from the element, named in lower case
 *  (`companyselected`, `viewchanged`, …). */
export class ParkMapElement extends (globalThis.HTMLElement ?? Object) {
  static observedAttributes = ['src', 'origins', 'lang', 'selection', 'layers', 'view', 'height',
    'min-height', 'max-height', 'title'];

  #map = null;

  /** The element's ParkMap handle, while it is in the document. */
  get map() { return this.#map; }

  connectedCallback() {
    if (!this.#map) this.#create();
  }

  disconnectedCallback() {
    this.#map?.destroy();
    this.#map = null;
  }

  attributeChangedCallback(name, old, value) {
    const map = this.#map;
    if (!map || old === value) return;
    const a = (n) => this.getAttribute(n);
    if (name === 'src' || name === 'origins') {
      this.disconnectedCallback();
      this.#create();
    } else if (name === 'title') {
      map.iframe.title = value || 'Park map';
    } else if (name.endsWith('height')) {
      map.setHeight(a('height') ?? 400, { minHeight: a('min-height') ?? 200, maxHeight: a('max-height') ?? Infinity });
    } else if (value !== null) {
      this.#run(name, value);
    }
  }

  #run(name, value) {
    const map = this.#map;
    let done;
    if (name === 'lang') done = map.setLanguage(value);
    else if (name === 'layers') done = map.setLayers(layerFields(value));
    else if (name === 'view') done = map.flyTo(parseView(value));
    else {
      const [kind, id] = parseSelection(value);
      done = SELECT[kind] ? map[SELECT[kind]](id)
        : Promise.reject(new ParkMapError(`<park-map>: cannot select "${value}" (expected company:ID, zone:ID or site:ID)`, 'selection'));
    }
    done.catch((err) => {
      if (this.#map === map) this.#emit({ source: SOURCE, v: VERSION, type: 'error', message: err.message, command: err.command });
    });
  }

  #emit(data) {
    this.dispatchEvent(new CustomEvent(data.type.toLowerCase(), { detail: data, bubbles: true, composed: true }));
  }

  #create() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.adoptedStyleSheets?.length && typeof CSSStyleSheet === 'function') {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(':host { display: block; }');
        root.adoptedStyleSheets = [sheet];
      } catch { /* an old browser: the element stays inline, the iframe still shows */ }
    }
    const a = (n) => this.getAttribute(n) ?? undefined;
    this.#map = ParkMap.embed(root, {
      src: a('src'), origins: a('origins'), lang: a('lang'), selection: a('selection'), layers: a('layers'),
      view: a('view'), title: a('title'), height: a('height') ?? 400, minHeight: a('min-height') ?? 200,
      maxHeight: a('max-height') ?? Infinity,
    });
    this.#map.on('*', (data) => this.#emit(data));
  }
}

if (globalThis.customElements && !customElements.get('park-map')) customElements.define('park-map', ParkMapElement);
