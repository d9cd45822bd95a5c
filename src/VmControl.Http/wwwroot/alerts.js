// Alerts: open, acknowledged and resolved reconciliation alerts, filtered and paged; acknowledge with a note.
import { get, post, query } from './api.js';
import { field, h, keepFocus, problemView, replace, say, select, showFieldError, timeEl, vmLink } from './ui.js';
import { every, setParams } from './nav.js';

const KINDS = ['power_mismatch', 'stuck_task', 'orphaned_task', 'missing_on_hypervisor', 'unknown_on_hypervisor'];
let previous = [];

export function mount(root, { params }) {
  const state = {
    status: params.has('status') ? (params.get('status') === 'any' ? '' : params.get('status')) : 'open',
    kind: params.get('kind') || '',
    vmId: params.get('vmId') || '',
    page: params.get('page') || '',
  };
  if (!state.page) previous = [];
  let next = null;
  let acknowledging = null;

  const vmInput = h('input', { name: 'vmId', value: state.vmId, autocomplete: 'off', placeholder: 'vm-…' });
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: e => { e.preventDefault(); changed(); } },
    field('Status', select('status', [['', 'any'], 'open', 'acknowledged', 'resolved'], state.status)),
    field('Kind', select('kind', [['', 'any'], ...KINDS], state.kind)),
    field('VM id', vmInput),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('change', e => { if (e.target.tagName === 'SELECT') changed(); });
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const prevButton = h('button', { type: 'button', onclick: () => { state.page = previous.pop() ?? ''; sync(); poll.now(); } }, '← Previous');
  const nextButton = h('button', { type: 'button', onclick: () => { previous.push(state.page); state.page = next; sync(); poll.now(); } }, 'Next →');
  const ackSlot = h('div', { class: 'form-slot' });

  replace(root, h('h1', {}, 'Alerts'), form, messages, ackSlot,
    h('table', { class: 'grid alerts' },
      h('caption', {}, 'Reconciliation alerts'),
      h('thead', {}, h('tr', {}, ['Kind', 'Status', 'VM', 'vm_state', 'Expected power', 'Observed', 'First seen', 'Last seen', 'Count', 'Message', ''].map(t => h('th', { scope: 'col' }, t)))),
      tbody),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, prevButton, nextButton));

  function sync() { setParams({ status: state.status || 'any', kind: state.kind, vmId: state.vmId, page: state.page }); }

  function changed() {
    state.status = form.elements.status.value;
    state.kind = form.elements.kind.value;
    state.vmId = vmInput.value.trim();
    state.page = '';
    previous = [];
    sync();
    poll.now();
  }

  function acknowledge(alert) {
    acknowledging = alert.id;
    const note = h('input', { name: 'note', autocomplete: 'off' });
    const ack = h('form', { class: 'param-form', 'aria-label': 'Acknowledge alert', novalidate: true },
      h('h2', {}, `Acknowledge ${alert.kind} on ${alert.vmId}`),
      h('p', { class: 'muted' }, alert.message),
      field('Note', note),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Acknowledge'),
        h('button', { type: 'button', onclick: () => { acknowledging = null; replace(ackSlot); } }, 'Cancel')));
    ack.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        await post(`alerts/${encodeURIComponent(alert.id)}/acknowledge`, note.value ? { note: note.value } : {});
        acknowledging = null;
        replace(ackSlot);
        say(messages, `Alert on ${alert.vmId} acknowledged.`, 'ok');
        window.dispatchEvent(new Event('vmcontrol:alerts-changed'));
        await poll.now();
      } catch (err) {
        if (!showFieldError(ack, err)) say(messages, err);
      }
    });
    replace(ackSlot, ack);
    note.focus();
  }

  async function load() {
    let page;
    try {
      page = await get('alerts' + query({ status: state.status, kind: state.kind, vmId: state.vmId, limit: 50, continuationToken: state.page }));
    } catch (e) {
      replace(messages, problemView(e));
      return;
    }
    next = page.continuationToken;
    keepFocus(root, () => replace(tbody, page.items.length === 0
      ? h('tr', {}, h('td', { colspan: 11, class: 'empty' }, 'No alert matches these filters.'))
      : page.items.map(a => h('tr', { dataset: { alertId: a.id, status: a.status }, class: a.id === acknowledging ? 'selected' : null },
        h('td', {}, a.kind),
        h('td', {}, h('span', { class: `badge alert-${a.status}` }, a.status), a.acknowledgeNote ? h('div', { class: 'muted' }, 'note: ' + a.acknowledgeNote) : null),
        h('td', {}, vmLink(a.vmId)),
        h('td', {}, a.vmState ?? '—'),
        h('td', {}, (a.expectedPowerStates || []).join(', ') || '—'),
        h('td', {}, a.observedPowerState ?? '—'),
        h('td', {}, timeEl(a.firstSeenAt)),
        h('td', {}, timeEl(a.lastSeenAt)),
        h('td', {}, String(a.count)),
        h('td', {}, a.message),
        h('td', {}, a.status === 'open'
          ? h('button', { type: 'button', dataset: { focus: 'ack-' + a.id }, onclick: () => acknowledge(a) }, 'Acknowledge…')
          : a.resolvedAt ? ['resolved ', timeEl(a.resolvedAt)] : '')))));
    prevButton.disabled = !state.page;
    nextButton.disabled = !next;
  }

  const poll = every(3000, load);
  return poll;
}
