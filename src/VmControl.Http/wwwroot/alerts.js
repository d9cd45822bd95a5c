// Alerts: open, acknowledged and resolved reconciliation alerts, filtered (status, kind, VM id, VM name prefix) and
// paged; each names its VM and says what an operator can do about it; acknowledge with a note.
import { get, post, query } from './api.js';
import { field, h, keepFocus, problemView, replace, say, select, showFieldError, tableWrap, timeEl, vmLink } from './ui.js';
import { every, isType, setParams } from './nav.js';

const KINDS = ['power_mismatch', 'stuck_task', 'orphaned_task', 'missing_on_hypervisor', 'unknown_on_hypervisor', 'schedule_deviation', 'billing_leak'];
let previous = [];

// VM names by id, read once per VM for this page load (a name never changes).
const names = new Map();
function nameOf(vmId) {
  if (!vmId) return Promise.resolve(null);
  if (!names.has(vmId)) {
    names.set(vmId, get('vms/' + encodeURIComponent(vmId)).then(vm => vm.name).catch(() => null));
  }
  return names.get(vmId);
}

const stopLink = (a, text) => h('a', { class: 'button', href: `#/vms/${encodeURIComponent(a.vmId)}?confirm=stop`, dataset: { focus: 'fix-' + a.id } }, text);

/** What an operator can do about an alert (docs/power-sync.md): a sentence and, where one action fixes it, a link that does it. */
export function advice(a, name) {
  const vm = name ?? a.vmId;
  switch (a.kind) {
    case 'power_mismatch':
      if (a.vmState === 'active' && ['shutdown', 'crashed'].includes(a.observedPowerState)) {
        return [`The guest is ${a.observedPowerState === 'shutdown' ? 'shut down' : 'crashed'} but ${vm} is recorded active. A stop brings the record in line; then start it if it should run. `,
          'Or set PowerSync:HealPolicy to Heal and power sync stops it by itself. ', stopLink(a, `Stop ${vm}…`)];
      }
      if (a.vmState === 'stopped' && a.observedPowerState === 'running') {
        return [`The guest runs but ${vm} is recorded stopped, and the lifecycle has no force stop: shut the guest down on the hypervisor, `,
          'or reset the state to active (admin, on the VM page) if it should run.'];
      }
      return ['The power and the vm_state disagree: check the guest on the hypervisor, then bring one in line with the other ',
        '(an action, or the admin reset-state on the VM page).'];
    case 'stuck_task':
      return ['The task passed its deadline: look at its steps on the VM page; a delete pre-empts it, or an admin resets the state.'];
    case 'orphaned_task':
      return ['No orchestration runs the task: power sync starts a never-started one again; otherwise an admin resets the state on the VM page.'];
    case 'missing_on_hypervisor':
      return ['The hypervisor lists no machine for this VM: recreate it there, or delete the record.'];
    case 'unknown_on_hypervisor':
      return ['A machine no VM record claims: remove it on the hypervisor, or leave it and acknowledge.'];
    case 'schedule_deviation':
      return [`A schedule's action on ${vm} did not bring it to the desired state; it is not tried again for this period. Check its action history, then act by hand or set an override. `,
        h('a', { href: '#/vms/' + encodeURIComponent(a.vmId) }, `Open ${vm}`)];
    case 'billing_leak':
      return [`${vm} is stopped but its machine is still allocated, so still billed: deallocate it on the hypervisor (on Azure, Azure:StopMode Deallocate makes every stop release it).`];
    default:
      return [''];
  }
}

export function mount(root, { params }) {
  const state = {
    status: params.has('status') ? (params.get('status') === 'any' ? '' : params.get('status')) : 'open',
    kind: params.get('kind') || '',
    vmId: params.get('vmId') || '',
    name: params.get('name') || '',
    page: params.get('page') || '',
  };
  if (!state.page) previous = [];
  let next = null;
  let acknowledging = null;

  const vmInput = h('input', { name: 'vmId', value: state.vmId, autocomplete: 'off', placeholder: 'vm-…' });
  const nameInput = h('input', { name: 'name', value: state.name, autocomplete: 'off', spellcheck: 'false', placeholder: 'starts with…' });
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: e => { e.preventDefault(); changed(); } },
    field('Status', select('status', [['', 'any'], 'open', 'acknowledged', 'resolved'], state.status)),
    field('Kind', select('kind', [['', 'any'], ...KINDS], state.kind)),
    field('VM name', nameInput),
    field('VM id', vmInput),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('change', e => { if (e.target.tagName === 'SELECT') changed(); });
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const prevButton = h('button', { type: 'button', onclick: () => { state.page = previous.pop() ?? ''; sync(); poll.now(); } }, '← Previous');
  const nextButton = h('button', { type: 'button', onclick: () => { previous.push(state.page); state.page = next; sync(); poll.now(); } }, 'Next →');
  const ackSlot = h('div', { class: 'form-slot' });

  replace(root, h('h1', {}, 'Alerts'), form, messages, ackSlot,
    tableWrap(h('table', { class: 'grid alerts' },
      h('caption', {}, 'Reconciliation alerts'),
      h('thead', {}, h('tr', {}, ['Kind', 'Status', 'VM', 'vm_state', 'Power', 'Seen', 'Message', 'What to do', ''].map(t => h('th', { scope: 'col' }, t)))),
      tbody)),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, prevButton, nextButton));

  function sync() { setParams({ status: state.status || 'any', kind: state.kind, vmId: state.vmId, name: state.name, page: state.page }); }

  function changed() {
    state.status = form.elements.status.value;
    state.kind = form.elements.kind.value;
    state.vmId = vmInput.value.trim();
    state.name = nameInput.value.trim();
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
    let items;
    let named;
    try {
      page = await get('alerts' + query({ status: state.status, kind: state.kind, vmId: state.vmId, limit: 50, continuationToken: state.page }));
      items = page.items;
      if (state.name) {
        // The alerts API filters by VM id; a name prefix keeps this page's alerts of the VMs whose name starts with it.
        const vms = await get('vms' + query({ name: state.name, limit: 1000 }));
        const ids = new Set(vms.items.map(vm => vm.id));
        items = items.filter(a => ids.has(a.vmId));
      }
      named = await Promise.all(items.map(a => nameOf(a.vmId)));
    } catch (e) {
      replace(messages, problemView(e));
      return;
    }
    next = page.continuationToken;
    keepFocus(root, () => replace(tbody, items.length === 0
      ? h('tr', {}, h('td', { colspan: 9, class: 'empty' }, 'No alert matches these filters' + (state.name && page.items.length ? ' on this page.' : '.')))
      : items.map((a, i) => h('tr', { dataset: { alertId: a.id, status: a.status }, class: a.id === acknowledging ? 'selected' : null },
        h('td', {}, a.kind),
        h('td', {}, h('span', { class: `badge alert-${a.status}` }, a.status), a.acknowledgeNote ? h('div', { class: 'muted' }, 'note: ' + a.acknowledgeNote) : null),
        h('td', {}, named[i] ? [vmLink(a.vmId, named[i]), h('div', { class: 'mono muted' }, a.vmId)] : vmLink(a.vmId)),
        h('td', {}, a.vmState ?? '—'),
        h('td', { title: 'expected → observed' }, `${(a.expectedPowerStates || []).join(' or ') || '—'} → ${a.observedPowerState ?? '—'}`),
        h('td', { class: 'seen' }, h('div', {}, 'first ', timeEl(a.firstSeenAt)), h('div', {}, 'last ', timeEl(a.lastSeenAt)),
          h('div', {}, `${a.count} pass${a.count === 1 ? '' : 'es'}`)),
        h('td', {}, a.message),
        h('td', { class: 'advice' }, a.status === 'resolved' ? '—' : advice(a, named[i])),
        h('td', {}, a.status === 'open'
          ? h('button', { type: 'button', dataset: { focus: 'ack-' + a.id, needs: 'operator' }, onclick: () => acknowledge(a) }, 'Acknowledge…')
          : a.resolvedAt ? ['resolved ', timeEl(a.resolvedAt)] : '')))));
    prevButton.disabled = !state.page;
    nextButton.disabled = !next;
  }

  const poll = every(3000, load, isType('vmcontrol.alert.'));
  return poll;
}
