// The readiness probe shared by bench/run.mjs and bench/ab.mjs.

/** ParkMap has no readiness hook of its own: poll every animation frame for "a company marker (or
 *  cluster) is drawn and no layer is loading", then stamp the time after the next paint, as the
 *  peer pages do. Also keeps the wasm exports (for the memory size) and a zoom probe. */
export const PARKMAP_PROBE = `(() => {
  addEventListener('parkmap:started', (e) => { window.__parkmapWasm = e.detail && e.detail.wasm; });
  const drawn = () => document.querySelector('.map__company, .map__cluster') && !document.querySelector('.map__loading');
  const poll = () => {
    if (drawn()) {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { window.__ready = performance.now(); };
        ch.port2.postMessage(0);
      });
      return;
    }
    const failed = document.querySelector('.map--failed');
    if (failed) { window.__benchError = 'ParkMap: ' + failed.textContent.trim().slice(0, 200); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  window.__zoom = () => {
    const m = /matrix\\(\\s*([-0-9.e]+)/.exec((document.querySelector('.map__world') || { getAttribute: () => '' }).getAttribute('transform') || '');
    return m ? Math.log2(Number(m[1])) : null;
  };
})();`;
