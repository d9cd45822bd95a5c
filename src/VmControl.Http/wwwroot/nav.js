// Routing and live polling helpers shared by the views.
const live = () => document.getElementById('live');

/**
 * Runs fn now and then every `ms` while live updates are on and the tab is visible; never overlaps itself.
 * Returns a stop function; its `now()` runs fn at once (after an operator's action) whatever the toggle says.
 */
export function every(ms, fn) {
  let stopped = false;
  let timer = null;
  let running = null;
  const run = async () => {
    try { await fn(); } catch { /* each view shows its own errors */ }
  };
  const tick = async force => {
    if (stopped) return;
    if (force || (live().checked && !document.hidden)) {
      running = run();
      await running;
      running = null;
    }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  tick(true);
  const stop = () => { stopped = true; clearTimeout(timer); };
  stop.now = async () => { if (running) await running; await run(); };
  return stop;
}

/** The current route: path segments and query parameters of the hash. */
export function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, q] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(q || '') };
}

/** Replaces the query of the current hash without adding a history entry or re-mounting the view. */
export function setParams(values) {
  const { parts } = route();
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  const q = params.toString();
  history.replaceState(null, '', '#/' + parts.map(encodeURIComponent).join('/') + (q ? '?' + q : ''));
}

