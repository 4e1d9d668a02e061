// Runs deploy/nginx.conf — the very file the README tells hosts to use — as a private nginx instance
// for the end-to-end tests: only its port (bound to loopback) and the folder it serves are substituted.
// The instance has its own prefix (pid, logs, temp files) and never touches a system nginx.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** The subpath deploy/nginx.conf serves the app at. */
export const NGINX_SUBPATH = '/maps/park/';

/** Debian puts nginx in /usr/sbin, which a non-root PATH may lack. */
const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** True when nginx is installed (scripts/setup.sh --browser installs it). */
export function hasNginx() {
  try {
    execFileSync(NGINX, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

function waitForPort(port, child, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) { reject(new Error(`nginx exited with ${child.exitCode}`)); return; }
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(); });
      socket.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Starts nginx with deploy/nginx.conf serving `dist` (an absolute folder). Resolves to
 *  { url, port, prefix, close }, `url` being the app's address at its subpath. */
export async function startNginx(dist = path.join(ROOT, 'dist')) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'parkmap-nginx-'));
  const port = await freePort();
  const shipped = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const site = shipped
    .replace(/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)alias \/srv\/parkmap\/dist\/;$/m, `$1alias ${path.resolve(dist)}/;`);
  const changed = site.split('\n').filter((line, i) => line !== shipped.split('\n')[i]);
  if (changed.length !== 2) throw new Error(`deploy/nginx.conf: expected to substitute 2 lines (listen, alias), did ${changed.length}`);
  fs.writeFileSync(path.join(prefix, 'parkmap.conf'), site);
  fs.copyFileSync('/etc/nginx/mime.types', path.join(prefix, 'mime.types'));
  // Debian's brotli_static module, loaded as /etc/nginx/modules-enabled does for a system nginx.
  const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  const modules = fs.existsSync(brotli) ? `load_module ${brotli};` : '';
  // The smallest main configuration around it, everything inside the prefix. The workers run as
  // the user that runs the tests, so they can read dist/.
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), `
${modules}
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include mime.types;
  default_type application/octet-stream;
  sendfile on;
  include parkmap.conf;
}
`);
  const child = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    await waitForPort(port, child);
  } catch (err) {
    child.kill('SIGKILL');
    const log = fs.existsSync(path.join(prefix, 'error.log')) ? fs.readFileSync(path.join(prefix, 'error.log'), 'utf8') : '';
    throw new Error(`${err.message}\n${stderr}\n${log}`);
  }
  return {
    url: `http://127.0.0.1:${port}${NGINX_SUBPATH}`,
    port,
    prefix,
    errorLog: () => fs.readFileSync(path.join(prefix, 'error.log'), 'utf8'),
    close: () => new Promise((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => { fs.rmSync(prefix, { recursive: true, force: true }); resolve(); });
      child.kill('SIGQUIT');
    }),
  };
}
