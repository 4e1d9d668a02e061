// The partner demo's script: what a host page needs to embed ParkMap and talk to it.
(function () {
  const frame = document.getElementById('map');
  const log = document.getElementById('log');
  // The map lives one folder up from this demo; in your page use the map's full URL.
  const mapUrl = new URL('../', window.location.href);
  mapUrl.searchParams.set('embed', '1');
  mapUrl.searchParams.set('lang', 'en');
  frame.src = mapUrl.href;
  const mapOrigin = mapUrl.origin;

  function send(command) {
    // Always name the map's exact origin, never '*'.
    frame.contentWindow.postMessage(Object.assign({ source: 'parkmap', v: 1 }, command), mapOrigin);
  }

  window.addEventListener('message', function (event) {
    // Trust only messages from the map's origin that say they are ParkMap's.
    if (event.origin !== mapOrigin || !event.data || event.data.source !== 'parkmap') return;
    const item = document.createElement('li');
    item.textContent = JSON.stringify(event.data);
    item.dataset.type = event.data.type;
    log.prepend(item);
    if (event.data.type === 'resize') frame.height = String(Math.max(300, Math.min(event.data.height, 900)));
  });

  document.querySelectorAll('[data-command]').forEach(function (button) {
    button.addEventListener('click', function () { send(JSON.parse(button.dataset.command)); });
  });
})();
