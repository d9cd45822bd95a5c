// One fleet operation (#/fleet-operations/{id}): what was asked, its status, counts by VM status, a progress bar per
// tier, every VM's result (VM, tier, status, its action, the refusal's or error's code and message) and Cancel while
// it runs. It refreshes on its own progress events (vmcontrol.fleet.*, subject fleet-operations/{id}) and the action
// events of its VMs, and every 2 s while it runs as a safety net.
import { ApiError, get, post } from './api.js';
import { confirmDialog, h, problemView, replace, say, tableWrap, timeEl, vmLink } from './ui.js';
import { every, isType } from './nav.js';
import { describeSelector } from './fleet-action.js';

const ENDED = ['succeeded', 'partially_succeeded', 'failed', 'cancelled'];
// The order counts are shown in; the API's counts carry every status (zeros too) and the total.
const STATUSES = ['succeeded', 'failed', 'skipped', 'not_ready', 'cancelled', 'running', 'issuing', 'pending'];
const IN_FLIGHT = ['pending', 'issuing', 'running'];

export const ended = op => ENDED.includes(op.status);

/** The operation's target in words: its VM count, or its selector. */
export function describeTarget(target) {
  if (target?.vmIds) return `${target.vmIds.length} VM${target.vmIds.length === 1 ? '' : 's'} by id`;
  const given = Object.entries(target?.selector || {}).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length));
  return 'filter: ' + describeSelector(Object.fromEntries(given));
}

const statusBadge = status => h('span', { class: `badge status status-${status}` }, status);

export function mount(root, { parts }) {
  const id = parts[1];
  let op = null;
  let vmIds = new Set();

  const heading = h('h1', {}, 'Fleet operation ', h('span', { class: 'mono' }, id));
  const statusSlot = h('span', { class: 'op-status' });
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-operation', dataset: { needs: 'operator' }, hidden: true, onclick: () => cancelOperation() }, 'Cancel operation…');
  const messages = h('div', { class: 'messages slot', 'aria-live': 'polite' });
  const facts = h('dl', { class: 'fields' });
  const counts = h('ul', { class: 'counts', 'aria-label': 'VMs by status' });
  const tiers = h('div', { class: 'tiers' });
  const results = h('tbody');

  replace(root,
    h('p', { class: 'crumbs' }, h('a', { href: '#/fleet-operations' }, '← Fleet operations')),
    h('div', { class: 'title-row' }, heading, statusSlot, cancel),
    messages,
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'op-asked-h' }, h('h2', { id: 'op-asked-h' }, 'What was asked'), facts),
      h('section', { 'aria-labelledby': 'op-progress-h', 'aria-live': 'polite' }, h('h2', { id: 'op-progress-h' }, 'Progress'), counts, tiers)),
    h('section', { 'aria-labelledby': 'op-results-h' },
      h('h2', { id: 'op-results-h' }, 'VMs'),
      tableWrap(h('table', { class: 'grid results' },
        h('thead', {}, h('tr', {}, ['VM', 'Tier', 'Status', 'Action', 'Code', 'Message'].map(t => h('th', { scope: 'col' }, t)))),
        results))));

  function render() {
    document.title = `${op.action} ${op.status} · VmControl`;
    replace(statusSlot, statusBadge(op.status), op.cancelRequested && !ended(op) ? h('span', { class: 'muted' }, ' cancel requested') : null);
    cancel.hidden = ended(op);
    cancel.disabled = op.cancelRequested;
    const params = Object.entries(op.parameters || {}).map(([k, v]) => `${k}=${v}`).join(', ');
    const rows = [
      ['Action', op.action + (params ? ` (${params})` : '')],
      ['Target', describeTarget(op.target)],
      ['Tiers', op.tierTag ? `by the tag ${op.tierTag}` : op.tiers?.length ? `${op.tiers.length} selectors` : 'one'],
      ['Delay between tiers', `${op.tierDelaySeconds} s`],
      ['Tier ready when', op.readiness.condition + (op.readiness.vmState ? ` ${op.readiness.vmState}` : '') + `, at most ${op.readiness.timeoutSeconds} s`],
      ['Concurrency', op.concurrency],
      ['Created by', op.createdBy], ['Created', timeEl(op.createdAt)], ['Ended', timeEl(op.endedAt)],
    ];
    if (op.cancelledBy) rows.push(['Cancelled by', op.cancelledBy]);
    if (op.error) rows.push(['Error', h('span', { class: 'error' }, op.error)]);
    replace(facts, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));

    const c = op.counts || {};
    replace(counts, h('li', { dataset: { count: 'total' } }, h('strong', {}, `${c.total ?? 0} VMs`)),
      STATUSES.filter(s => s in c).map(s => h('li', { dataset: { count: s } }, `${s} ${c[s]}`)));
    replace(tiers, (op.tierProgress || []).map(t => {
      const done = t.vms - IN_FLIGHT.reduce((n, s) => n + (t.counts[s] ?? 0), 0);
      const current = !ended(op) && t.tier === op.currentTier;
      return h('div', { class: 'tier' + (current ? ' current' : ''), dataset: { tier: t.tier } },
        h('span', { class: 'tier-name' }, `Tier ${t.tier}`),
        h('progress', { max: t.vms, value: done, 'aria-label': `Tier ${t.tier}: ${done} of ${t.vms} ended` }),
        h('span', { class: 'tier-counts' }, `${done}/${t.vms} ended`,
          STATUSES.filter(s => t.counts[s]).map(s => ` · ${s} ${t.counts[s]}`)));
    }));
    replace(results, (op.results || []).map(r => h('tr', { dataset: { vmId: r.vmId, status: r.status } },
      h('td', { class: 'mono' }, vmLink(r.vmId)),
      h('td', {}, r.tier || '—'),
      h('td', {}, statusBadge(r.status)),
      h('td', { class: 'mono' }, r.actionId ? h('a', { href: '#/vms/' + encodeURIComponent(r.vmId), title: 'In the VM\'s action history' }, r.actionId) : '—'),
      h('td', {}, r.code ?? ''),
      h('td', {}, r.message ?? ''))));
  }

  async function load() {
    try {
      op = await get('fleet-operations/' + encodeURIComponent(id));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        replace(root, h('h1', {}, 'Fleet operation not found'), problemView(e), h('p', {}, h('a', { href: '#/fleet-operations' }, 'All fleet operations')));
        poll();
        return;
      }
      say(messages, e);
      return;
    }
    vmIds = new Set((op.results || []).map(r => r.vmId));
    render();
    // An ended operation no longer changes.
    if (ended(op)) poll();
  }

  async function cancelOperation() {
    if (!await confirmDialog('Cancel this fleet operation?',
      'No further action starts; those in flight finish, and the VMs not reached end cancelled.', 'Yes, cancel it')) return;
    try {
      await post(`fleet-operations/${encodeURIComponent(id)}/cancel`);
      say(messages, 'Cancel requested: actions in flight finish.', 'ok');
    } catch (e) {
      say(messages, e);
    }
    await poll.now();
  }

  // The VMs' own actions publish events (requestedBy fleet:{id}); the subject names the VM.
  const mine = e => (isType('vmcontrol.fleet.')(e) && e.subject === `fleet-operations/${id}`)
    || (isType('vmcontrol.action.')(e) && (vmIds.has(e.data?.vmId) || vmIds.has(e.subject?.replace(/^vms\//, ''))));
  const poll = every(2000, load, mine, true);
  return () => { poll(); document.title = 'VmControl console'; };
}
