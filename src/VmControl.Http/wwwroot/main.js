// The console's shell: hash routing (#/, #/vms/{id}, #/fleet-operations[/{id}], #/alerts, #/create,
// #/schedules[/{id}], #/lifecycle, #/simulator), live updates from the event stream (polling while it is down) that
// pause when "Live updates" is off or the tab is hidden, and the open-alerts banner.
import { askKey, get, getLifecycle, whoami } from './api.js';
import { h, replace, problemView } from './ui.js';
import { every, isType, route } from './nav.js';
import { start as startEvents } from './events.js';
import * as fleet from './fleet.js';
import * as vm from './vm.js';
import * as operations from './operations.js';
import * as alerts from './alerts.js';
import * as create from './create.js';
import * as lifecycle from './lifecycle.js';
import * as simulator from './simulator.js';
import * as schedules from './schedules.js';

const main = document.getElementById('main');
const live = document.getElementById('live');
let unmount = null;

const views = { '': fleet, vms: vm, 'fleet-operations': operations, alerts, create, lifecycle, simulator, schedules };

function render() {
  const { parts, params } = route();
  const view = views[parts[0] ?? ''] ?? null;
  unmount?.();
  unmount = null;
  for (const a of document.querySelectorAll('[data-nav]')) {
    const current = (a.dataset.nav === 'fleet' && (!parts[0] || parts[0] === 'vms')) || a.dataset.nav === parts[0];
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (!view) {
    replace(main, h('h1', {}, 'Not found'), h('p', {}, 'No such view. ', h('a', { href: '#/' }, 'Back to the fleet')));
    return;
  }
  replace(main);
  unmount = view.mount(main, { parts, params }) || null;
  main.focus({ preventScroll: true });
}

// Only a change of view re-mounts; a query change made by setParams does not fire hashchange.
window.addEventListener('hashchange', render);
live.addEventListener('change', () => document.body.classList.toggle('paused', !live.checked));
document.getElementById('set-key').addEventListener('click', () => askKey());

const banner = document.getElementById('alert-banner');
const bannerPoll = every(5000, async () => {
  const page = await get('alerts?status=open&limit=1000');
  const n = page.items.length;
  banner.hidden = n === 0;
  banner.textContent = n === 0 ? '' : `${n}${page.continuationToken ? '+' : ''} open alert${n === 1 ? '' : 's'}: review them`;
}, isType('vmcontrol.alert.'));
// A change of view, an acknowledgement or a power-sync pass recounts at once.
window.addEventListener('hashchange', () => bannerPoll.now());
window.addEventListener('vmcontrol:alerts-changed', () => bannerPoll.now());

// Who is signed in, and the role on <body>: elements marked data-needs="operator" or "admin" hide below that role
// (console.css), so a reader sees no action buttons and only an admin sees reset-state and the simulator.
async function showCaller() {
  const who = document.getElementById('who');
  try {
    const me = await whoami();
    document.body.dataset.role = me.role;
    who.textContent = `${me.name} · ${me.role} · ${me.allProjects ? 'all projects' : 'project ' + me.project}`;
  } catch {
    delete document.body.dataset.role;
    who.textContent = 'not signed in';
  }
}
window.addEventListener('vmcontrol:key-changed', () => { showCaller(); render(); });
showCaller();

// Live updates: the views refresh on the stream's events, and poll as before while it is down.
startEvents();

getLifecycle().then(l => {
  document.getElementById('nav-simulator').hidden = l.driver?.name !== 'simulated';
}).catch(e => main.prepend(problemView(e)));

render();
