// Fleet: every VM with its three statuses as badges, filters, paging by continuationToken, live refresh that keeps
// the operator's filters, page and focus (the filters and page live in the hash: #/?vmState=active&page=...).
import { get, getLifecycle, query } from './api.js';
import { badge, field, h, keepFocus, problemView, replace, select, timeEl, vmLink, VM_STATES, POWER_STATES } from './ui.js';
import { every, setParams } from './nav.js';

export const FLEET_PLACE = 'vmcontrol.fleetPlace';

// The tokens of the pages before the current one, so "Previous" can walk back (the API pages forward only).
let previous = [];

export function mount(root, { params }) {
  const state = {
    vmState: params.get('vmState') || '',
    taskState: params.get('taskState') || '',
    powerState: params.get('powerState') || '',
    limit: params.get('limit') || '25',
    page: params.get('page') || '',
  };
  if (!state.page) previous = [];
  let next = null;

  const taskSelect = select('taskState', [['', 'any']], state.taskState, { id: 'filter-task' });
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: e => e.preventDefault() },
    field('vm_state', select('vmState', [['', 'any'], ...VM_STATES], state.vmState, { id: 'filter-vm' })),
    field('task_state', taskSelect),
    field('power_state', select('powerState', [['', 'any'], ...POWER_STATES], state.powerState, { id: 'filter-power' })),
    field('Per page', select('limit', ['10', '25', '50', '100'], state.limit, { id: 'filter-limit' })),
    h('button', { type: 'button', onclick: () => { form.reset(); for (const s of form.querySelectorAll('select')) s.value = s.name === 'limit' ? '25' : ''; changed(); } }, 'Clear filters'));
  getLifecycle().then(l => {
    const states = [...new Set(l.actions.map(a => a.taskState))].sort();
    for (const t of states) taskSelect.append(h('option', { value: t, selected: t === state.taskState }, t));
  }).catch(() => {});

  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const table = h('table', { class: 'grid', 'aria-describedby': 'fleet-caption' },
    h('caption', { id: 'fleet-caption' }, 'Virtual machines'),
    h('thead', {}, h('tr', {}, ['Name', 'vm_state', 'task_state', 'power_state', 'Size', 'Image', 'Updated', 'Id'].map(t => h('th', { scope: 'col' }, t)))),
    tbody);
  const prevButton = h('button', { type: 'button', dataset: { focus: 'prev' }, onclick: () => { state.page = previous.pop() ?? ''; sync(); poll.now(); } }, '← Previous');
  const nextButton = h('button', { type: 'button', dataset: { focus: 'next' }, onclick: () => { previous.push(state.page); state.page = next; sync(); poll.now(); } }, 'Next →');
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, prevButton, h('span', { class: 'page-no' }), nextButton);

  replace(root,
    h('div', { class: 'title-row' }, h('h1', {}, 'Fleet'), h('a', { class: 'button', href: '#/create' }, 'Create VM')),
    form, status, table, pager);

  function sync() {
    setParams({ vmState: state.vmState, taskState: state.taskState, powerState: state.powerState,
      limit: state.limit === '25' ? '' : state.limit, page: state.page });
    remember();
  }

  // The VM view's "← Fleet" returns to this page with these filters.
  function remember() { sessionStorage.setItem(FLEET_PLACE, location.hash || '#/'); }
  remember();

  function changed() {
    for (const s of form.querySelectorAll('select')) state[s.name] = s.value;
    state.page = '';
    previous = [];
    sync();
    poll.now();
  }
  form.addEventListener('change', changed);

  async function load() {
    let page;
    try {
      page = await get('vms' + query({ vmState: state.vmState, taskState: state.taskState, powerState: state.powerState,
        limit: state.limit, continuationToken: state.page }));
    } catch (e) {
      replace(status, problemView(e));
      return;
    }
    replace(status);
    next = page.continuationToken;
    keepFocus(root, () => {
      replace(tbody, page.items.length === 0
        ? h('tr', {}, h('td', { colspan: 8, class: 'empty' }, 'No VM matches these filters.'))
        : page.items.map(vm => h('tr', { dataset: { vmId: vm.id }, 'aria-busy': vm.taskState ? 'true' : null, class: vm.taskState ? 'in-flight' : null },
          h('td', {}, vmLink(vm.id, vm.name)),
          h('td', {}, badge('vm', vm.vmState)),
          h('td', {}, badge('task', vm.taskState)),
          h('td', {}, badge('power', vm.powerState)),
          h('td', {}, vm.size),
          h('td', {}, vm.image),
          h('td', {}, timeEl(vm.updatedAt)),
          h('td', { class: 'mono' }, vm.id))));
    });
    prevButton.disabled = !state.page;
    nextButton.disabled = !next;
    pager.querySelector('.page-no').textContent = `Page ${previous.length + 1}`;
  }

  const poll = every(3000, load);
  return poll;
}
