// Live updates from the server-sent events stream (GET /api/events/stream, docs/events.md). EventSource cannot send
// the X-Api-Key header, so the stream is read with fetch and parsed here. Each event is re-dispatched on window as
// 'vmcontrol:event' (detail: the CloudEvent); the views refresh on the events that concern them (nav.js `every`).
// While the stream is down the views poll as before; it reconnects with back-off.
const KEY = 'vmcontrol.apiKey';
let connected = false;
let carried = false;
let controller = null;
let wake = null;

/**
 * Whether the stream is up and has carried at least one event since it connected: only then do the views trust it
 * and poll slowly. A stream that never carries anything (nothing delivers events) leaves the polling as it was.
 */
export function streaming() { return connected && carried; }

function status() {
  document.body.dataset.stream = connected ? (carried ? 'live' : 'connected') : 'polling';
}

function dispatch(data) {
  let event;
  try { event = JSON.parse(data); } catch { return; }
  if (!carried) { carried = true; status(); }
  window.dispatchEvent(new CustomEvent('vmcontrol:event', { detail: event }));
}

/** Reads the body to its end, one event per blank line; comments (': keep-alive') only keep it open. */
async function read(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer[end] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length) dispatch(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
}

const pause = ms => new Promise(resolve => {
  const timer = setTimeout(resolve, ms);
  wake = () => { clearTimeout(timer); resolve(); };
});

async function run() {
  let backoff = 1000;
  for (;;) {
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream' };
    const key = sessionStorage.getItem(KEY);
    if (key) headers['X-Api-Key'] = key;
    try {
      const response = await fetch('/api/events/stream', { headers, signal: controller.signal, cache: 'no-store' });
      if (response.ok && response.body) {
        connected = true;
        backoff = 1000;
        status();
        await read(response.body);
      } else if (response.status === 401 || response.status === 403) {
        // No key yet, or a role that may not stream: wait for another key (or the long back-off).
        backoff = 30000;
      }
    } catch {
      // Network error or aborted (a new key): reconnect below.
    }
    connected = false;
    carried = false;
    status();
    // Full jitter, so many consoles do not come back at the same instant after a restart.
    await pause(Math.random() * backoff);
    backoff = Math.min(backoff * 2, 30000);
  }
}

/** Starts the stream once per page. */
export function start() {
  status();
  window.addEventListener('vmcontrol:key-changed', () => { controller?.abort(); wake?.(); });
  run();
}
