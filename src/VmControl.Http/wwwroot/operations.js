// Fleet operations (#/fleet-operations): the list, newest first as the API pages them, with "Older" following the
// continuationToken; #/fleet-operations/{id} is one operation's progress (operation.js).
import { get, query } from './api.js';
import { h, problemView, replace, tableWrap, timeEl } from './ui.js';
import { every, isType } from './nav.js';
import * as operation from './operation.js';
import { describeTarget, ended } from './operation.js';

const opLink = id => h('a', { href: '#/fleet-operations/' + encodeURIComponent(id) }, id);

export function mount(root, route) {
  if (route.parts[1]) return operation.mount(root, route);
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true, onclick: () => loadOlder() }, 'Older');
  let token = null;
  let older = [];

  replace(root,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← Fleet')),
    h('h1', {}, 'Fleet operations'),
    h('p', { class: 'muted' }, 'One action on many VMs, each through its own lock. Start one from the fleet: tick VMs or filter, then "Act on…".'),
    status,
    tableWrap(h('table', { class: 'grid operations' },
      h('thead', {}, h('tr', {}, ['Operation', 'Action', 'Status', 'Target', 'Tiers', 'Created by', 'Created', 'Ended'].map(t => h('th', { scope: 'col' }, t)))),
      tbody)),
    more);

  const row = op => h('tr', { dataset: { operationId: op.id, status: op.status } },
    h('td', { class: 'mono' }, opLink(op.id)),
    h('td', {}, op.action),
    h('td', {}, h('span', { class: `badge status status-${op.status}` }, op.status), op.cancelRequested && !ended(op) ? ' cancelling' : null),
    h('td', {}, describeTarget(op.target)),
    h('td', {}, op.tierCount > 1 ? `${Math.min(op.currentTier, op.tierCount)} of ${op.tierCount}` : op.tierCount || '—'),
    h('td', {}, op.createdBy),
    h('td', {}, timeEl(op.createdAt)),
    h('td', {}, timeEl(op.endedAt)));

  async function load() {
    let page;
    try {
      page = await get('fleet-operations?limit=25');
    } catch (e) {
      replace(status, problemView(e));
      return;
    }
    replace(status);
    if (!older.length) token = page.continuationToken;
    const items = [...page.items, ...older];
    replace(tbody, items.length ? items.map(row) : h('tr', {}, h('td', { colspan: 8, class: 'empty' }, 'No fleet operation yet.')));
    more.hidden = !token;
  }

  async function loadOlder() {
    try {
      const page = await get('fleet-operations' + query({ limit: 25, continuationToken: token }));
      older.push(...page.items);
      token = page.continuationToken;
      tbody.append(...page.items.map(row));
      more.hidden = !token;
    } catch (e) {
      replace(status, problemView(e));
    }
  }

  // A fleet's VMs' actions are what moves its operations along.
  const poll = every(5000, load, isType('vmcontrol.action.'));
  return () => poll();
}
