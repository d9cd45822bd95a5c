// Lifecycle: the table of GET /api/lifecycle, the active driver's capabilities, and a state diagram derived from
// the same JSON (an SVG of vm_states and the actions that move between them, plus the same edges as a list).
import { getLifecycle } from './api.js';
import { h, problemView, replace, tableWrap, VM_STATES } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
// The wording of docs/lifecycle.md for the failure rules' wire names.
const FAILURE = {
  error_if_not_running: 'error if not running afterwards, else unchanged',
  error_if_started: 'unchanged if nothing moved, else error',
};
const s = (tag, attrs, ...children) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
};

/** The edges from → to with the actions that take them, from the success rules of the table. */
export function edges(lifecycle) {
  const map = new Map();
  const add = (from, to, action) => {
    const key = from + '>' + to;
    if (!map.has(key)) map.set(key, { from, to, actions: [] });
    if (!map.get(key).actions.includes(action)) map.get(key).actions.push(action);
  };
  for (const rule of lifecycle.actions) {
    for (const from of rule.allowedFrom) {
      let to = null;
      if (rule.onSuccess === 'to') to = rule.successTarget;
      else if (rule.onSuccess === 'to_target_or_stopped_if_stopped') to = from === 'stopped' ? 'stopped' : rule.successTarget;
      else if (rule.onSuccess === 'to_state_before_resize') to = 'active';
      else to = from; // unchanged
      if (rule.action === 'delete' && from !== 'active') continue; // any state → hard_deleted: drawn once, noted below
      add(from, to, rule.action);
    }
    if (rule.onFailure === 'error') for (const from of rule.allowedFrom) if (rule.action !== 'delete') add(from, 'error', 'failed ' + rule.action);
  }
  return [...map.values()];
}

function diagram(lifecycle, list) {
  const states = VM_STATES;
  const W = 760, H = 520, cx = W / 2, cy = H / 2, R = 200;
  const pos = Object.fromEntries(states.map((st, i) => {
    const a = (i / states.length) * 2 * Math.PI - Math.PI / 2;
    return [st, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a) }];
  }));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'diagram-title', class: 'diagram' },
    s('title', { id: 'diagram-title' }, 'vm_state diagram: arrows are the actions that move a VM from one vm_state to another on success (dashed: to error on failure)'),
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))));
  for (const e of list) {
    if (e.from === e.to) continue;
    const a = pos[e.from], b = pos[e.to];
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy);
    const ux = dx / len, uy = dy / len;
    // Bend each edge a little so a → b and b → a do not overlap.
    const mx = (a.x + b.x) / 2 - uy * 24, my = (a.y + b.y) / 2 + ux * 24;
    const start = { x: a.x + ux * 44, y: a.y + uy * 20 }, end = { x: b.x - ux * 44, y: b.y - uy * 20 };
    const failure = e.actions.every(x => x.startsWith('failed '));
    svg.append(s('path', { d: `M ${start.x} ${start.y} Q ${mx} ${my} ${end.x} ${end.y}`, class: failure ? 'edge failure' : 'edge', 'marker-end': 'url(#arrow)' },
      s('title', {}, `${e.from} → ${e.to}: ${e.actions.join(', ')}`)));
  }
  for (const st of states) {
    const p = pos[st];
    const loops = list.filter(e => e.from === st && e.to === st).flatMap(e => e.actions);
    svg.append(s('g', { class: 'node vm-' + st },
      s('title', {}, st + (loops.length ? ` (stays on: ${loops.join(', ')})` : '')),
      s('rect', { x: p.x - 56, y: p.y - 18, width: 112, height: 36, rx: 8 }),
      s('text', { x: p.x, y: p.y + 5, 'text-anchor': 'middle' }, st)));
  }
  return svg;
}

export function mount(root) {
  replace(root, h('h1', {}, 'Lifecycle'), h('p', {}, 'Loading…'));
  getLifecycle().then(l => {
    const list = edges(l);
    const d = l.driver;
    replace(root,
      h('h1', {}, 'Lifecycle'),
      h('section', { 'aria-labelledby': 'driver-h' },
        h('h2', { id: 'driver-h' }, `Driver: ${d.name}`),
        h('p', {}, `Supports ${d.supportedActions.length} actions: ${d.supportedActions.join(', ')}.`),
        d.unsupportedActions.length
          ? h('ul', {}, d.unsupportedActions.map(u => h('li', {}, h('strong', {}, u.action), ': ', u.reason)))
          : h('p', {}, 'No unsupported action.'),
        d.deallocatedReadsAsNoState ? h('p', {}, 'A deallocated VM reads as nostate.') : null,
        h('p', {}, `Admin reset-state targets: ${l.resetStateTargets.join(', ')}.`)),
      h('section', { 'aria-labelledby': 'diagram-h' },
        h('h2', { id: 'diagram-h' }, 'State diagram'),
        h('p', { class: 'muted' }, 'Delete goes from any vm_state (and pre-empts any task) to hard_deleted. Hover an arrow for its actions.'),
        diagram(l, list),
        h('details', {}, h('summary', {}, 'The same transitions as a list'),
          h('ul', { class: 'edges' }, list.map(e => h('li', {}, `${e.from} → ${e.to}: ${e.actions.join(', ')}`))))),
      h('section', { 'aria-labelledby': 'table-h' },
        h('h2', { id: 'table-h' }, 'Table'),
        tableWrap(h('table', { class: 'grid lifecycle' },
          h('thead', {}, h('tr', {}, ['Action', 'task_state', 'Allowed from vm_state', 'On success', 'Expected power after', 'On failure', `${d.name} driver`].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, l.actions.map(a => h('tr', { class: a.supported ? null : 'unsupported' },
            h('th', { scope: 'row' }, a.action),
            h('td', {}, a.taskState),
            h('td', {}, a.action === 'delete' ? 'any (pre-empts any task)' : a.allowedFrom.join(', ')),
            h('td', {}, a.onSuccess === 'unchanged' ? 'unchanged' : a.onSuccess === 'to' ? a.successTarget
              : a.onSuccess === 'to_state_before_resize' ? 'the vm_state before the resize' : `${a.successTarget}, or stopped if it was stopped`),
            h('td', {}, a.expectedPowerAfter),
            h('td', {}, FAILURE[a.onFailure] ?? a.onFailure.replace(/_/g, ' ')),
            h('td', {}, a.supported ? 'yes' : 'no'))))))));
  }).catch(e => replace(root, h('h1', {}, 'Lifecycle'), problemView(e)));
}
