// Routing and live refresh helpers shared by the views.
import { streaming } from './events.js';

const live = () => document.getElementById('live');

// While the event stream carries events, a view refreshes on the events that concern it and polls only this often,
// as a safety net (an event another Functions instance delivered never reaches this stream).
const STREAMING_POLL_MS = 10000;

/** A test (or an operator) may set every poll interval, in ms, for this session: sessionStorage 'vmcontrol.pollMs'. */
function interval(ms, steady) {
  const fixed = Number(sessionStorage.getItem('vmcontrol.pollMs'));
  if (fixed > 0) return fixed;
  return streaming() && !steady ? Math.max(ms, STREAMING_POLL_MS) : ms;
}

/**
 * Runs fn now and then every `ms` while live updates are on and the tab is visible; never overlaps itself. With
 * `on`, a predicate over CloudEvents from the stream, a matching event refreshes at once (a burst of events once).
 * Returns a stop function; its `now()` runs fn at once (after an operator's action) whatever the toggle says.
 * `steady`: keep `ms` while the stream is live too, for a view whose state changes without an event of its own.
 */
export function every(ms, fn, on, steady = false) {
  let stopped = false;
  let timer = null;
  let running = null;
  let again = false;
  const run = async () => {
    try { await fn(); } catch { /* each view shows its own errors */ }
  };
  const tick = async force => {
    if (stopped) return;
    clearTimeout(timer);
    if (running) { timer = setTimeout(tick, interval(ms, steady)); return; }
    if (force || (live().checked && !document.hidden)) {
      running = run();
      await running;
      running = null;
    }
    if (!stopped) timer = setTimeout(tick, interval(ms, steady));
  };
  const onEvent = async e => {
    if (stopped || !on?.(e.detail) || !live().checked || document.hidden) return;
    // One refresh for a burst: an event that arrives during a refresh asks for one more after it.
    if (running) { again = true; return; }
    do {
      again = false;
      await tick(false);
    } while (again && !stopped);
  };
  if (on) window.addEventListener('vmcontrol:event', onEvent);
  tick(true);
  const stop = () => { stopped = true; clearTimeout(timer); window.removeEventListener('vmcontrol:event', onEvent); };
  stop.now = async () => { if (running) await running; await run(); };
  return stop;
}

/** Event predicates for `every`: by type prefix, and about one VM. */
export const isType = prefix => e => typeof e?.type === 'string' && e.type.startsWith(prefix);
export const isAbout = vmId => e => e?.subject === 'vms/' + vmId;

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

