// The partner demo's script: what a host page does with ParkMap's kit (../embed.js, loaded by the
// page): call commands as promises, hear every event. The <park-map> element made the iframe.
const element = document.getElementById('map');
const log = document.getElementById('log');
const map = element.map;

function note(type, text) {
  const item = document.createElement('li');
  item.textContent = text;
  item.dataset.type = type;
  log.prepend(item);
}

// Every event of the map (the element also dispatches each as a DOM event: 'companyselected', …).
map.on('*', (event) => note(event.type, JSON.stringify(event)));

for (const button of document.querySelectorAll('[data-call]')) {
  button.addEventListener('click', async () => {
    const name = button.dataset.call;
    const args = JSON.parse(button.dataset.args || '[]');
    try {
      const answer = await map[name](...args);
      note('ok', `${name} → ${answer === undefined ? 'done' : JSON.stringify(answer)}`);
    } catch (err) {
      // The map's own message, e.g. 'flyTo: "lat" 95 is out of range -90..90'.
      note('error', `${name} refused: ${err.message}`);
    }
  });
}
