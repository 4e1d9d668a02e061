// A partner's site for the kit's end-to-end tests (kit.test.mjs): pages on an origin of their own
// (a second port on 127.0.0.1), and what the tests watch in them.
import http from 'node:http';

/** Starts the partner's server. `page(name, html)` serves `html` at `/name` and returns its URL. */
export async function startPartner() {
  const pages = new Map();
  const server = http.createServer((req, res) => {
    const body = pages.get(new URL(req.url, 'http://x').pathname);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    page(name, html) {
      pages.set(`/${name}`, `<!doctype html><html lang="en"><title>${name}</title><body>${html}</body></html>`);
      return `${origin}/${name}`;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** The kit from the map's test server with the CORS header deploy/nginx.conf sends for it (the test
 *  server sends none; kit.test.mjs checks nginx's own). */
export async function kitWithCors(context) {
  await context.route(/\/embed(-[0-9a-f]{16})?\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
}

/** An init script: counts the page's window `message` listeners (added minus removed) in
 *  `window.messageListeners`, from before any script of the page. */
export const COUNT_LISTENERS = () => {
  window.messageListeners = 0;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this === window && type === 'message') window.messageListeners += 1;
    return add.call(this, type, ...rest);
  };
  EventTarget.prototype.removeEventListener = function (type, ...rest) {
    if (this === window && type === 'message') window.messageListeners -= 1;
    return remove.call(this, type, ...rest);
  };
};
