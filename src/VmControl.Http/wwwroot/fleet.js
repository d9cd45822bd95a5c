// Fleet: a summary of the whole fleet, every VM with its three statuses as badges and its tags, search by name
// prefix, filters (Nova's four tag filters among them), sorting, paging by continuationToken, live refresh that keeps
// the operator's filters, sort, page and focus (they live in the hash: #/?name=web&vmState=active&tags=env%3Ddev...).
// Hard-deleted VMs are hidden unless asked for; a VM with an unresolved power_mismatch alert carries a marker linking
// to it. An operator ticks VMs (or takes the current filter) and opens the fleet action panel (fleet-action.js).
import { get, getLifecycle, query } from './api.js';
import { badge, field, h, keepFocus, problemView, replace, select, tableWrap, timeEl, vmLink, VM_STATES, POWER_STATES } from './ui.js';
import { every, isType, setParams } from './nav.js';
import { chips, parseList, tagsOf } from './tags.js';
import { actionPanel } from './fleet-action.js';

export const FLEET_PLACE = 'vmcontrol.fleetPlace';

// The tokens of the pages before the current one, so "Previous" can walk back (the API pages forward only).
let previous = [];

// Sortable columns: key, heading, the value compared. The API pages in id order, so sorting orders the page shown.
const COLUMNS = [
  ['name', 'Name', vm => vm.name],
  ['vmState', 'vm_state', vm => vm.vmState],
  ['taskState', 'task_state', vm => vm.taskState ?? ''],
  ['powerState', 'power_state', vm => vm.powerState],
  ['size', 'Size', vm => vm.size],
  ['image', 'Image', vm => vm.image],
  ['tags', 'Tags', vm => tagsOf(vm).join(',')],
  ['updated', 'Updated', vm => vm.updatedAt ?? ''],
  ['id', 'Id', vm => vm.id],
];

/** Every page of a listing (1000 a page), for the summary. */
async function all(path) {
  const items = [];
  let token = '';
  do {
    const page = await get(path + (path.includes('?') ? '&' : '?') + query({ limit: 1000, continuationToken: token }).slice(1));
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}

/** The summary line's parts: total, counts by vm_state, busy, VMs with open alerts. */
export function summarize(vms, openAlerts) {
  const counts = new Map();
  for (const vm of vms) counts.set(vm.vmState, (counts.get(vm.vmState) ?? 0) + 1);
  const withAlerts = new Set(openAlerts.map(a => a.vmId).filter(Boolean));
  return {
    total: vms.length,
    byState: VM_STATES.filter(s => counts.has(s)).map(s => [s, counts.get(s)]),
    busy: vms.filter(vm => vm.taskState).length,
    alerted: vms.filter(vm => withAlerts.has(vm.id)).length,
  };
}

// The tag filters: the hash's key, the listing's query parameter, the selector's field (same name), the label.
const TAG_FILTERS = [
  ['tags', 'tags', 'Has all tags'],
  ['tagsAny', 'tags-any', 'Has any tag'],
  ['notTags', 'not-tags', 'Lacks one of the tags'],
  ['notTagsAny', 'not-tags-any', 'Has none of the tags'],
];

/** The selector of the active filters (docs/fleet.md "Selectors"): what "act on the current filter" targets. */
export function selectorOf(state) {
  const s = {};
  for (const [k] of TAG_FILTERS) { const list = parseList(state[k]); if (list.length) s[k] = list; }
  for (const k of ['vmState', 'powerState', 'taskState', 'name']) if (state[k]) s[k] = state[k];
  return s;
}

export function mount(root, { params }) {
  const state = {
    name: params.get('name') || '',
    vmState: params.get('vmState') || '',
    taskState: params.get('taskState') || '',
    powerState: params.get('powerState') || '',
    limit: params.get('limit') || '25',
    sort: params.get('sort') || 'name',
    deleted: params.get('deleted') === '1',
    page: params.get('page') || '',
    ...Object.fromEntries(TAG_FILTERS.map(([k]) => [k, params.get(k) || ''])),
  };
  // The VMs ticked, kept across refreshes and pages until the filters change.
  const selected = new Set();
  if (!state.page) previous = [];
  let next = null;
  let items = [];
  let mismatches = new Map();

  const taskSelect = select('taskState', [['', 'any'], ['none', 'none (idle)']], state.taskState, { id: 'filter-task' });
  const nameInput = h('input', { name: 'name', id: 'filter-name', type: 'search', value: state.name, autocomplete: 'off', spellcheck: 'false', placeholder: 'name starts with…' });
  const deletedBox = h('input', { type: 'checkbox', name: 'deleted', id: 'filter-deleted', checked: state.deleted });
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: e => e.preventDefault() },
    field('Name', nameInput),
    field('vm_state', select('vmState', [['', 'any'], ...VM_STATES], state.vmState, { id: 'filter-vm' })),
    field('task_state', taskSelect),
    field('power_state', select('powerState', [['', 'any'], ...POWER_STATES], state.powerState, { id: 'filter-power' })),
    TAG_FILTERS.map(([k, , label]) => field(label, h('input', { name: k, id: 'filter-' + k, value: state[k], autocomplete: 'off', spellcheck: 'false', placeholder: 'env=dev, tier=1' }))),
    field('Per page', select('limit', ['10', '25', '50', '100', '1000'], state.limit, { id: 'filter-limit' })),
    h('label', { class: 'check' }, deletedBox, ' Show hard-deleted'),
    h('button', { type: 'button', onclick: clear }, 'Clear filters'));
  getLifecycle().then(l => {
    const states = [...new Set(l.actions.map(a => a.taskState))].sort();
    for (const t of states) taskSelect.append(h('option', { value: t, selected: t === state.taskState }, t));
  }).catch(() => {});

  const summary = h('p', { class: 'summary', id: 'fleet-summary', 'aria-live': 'polite' }, 'Counting the fleet…');
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const headRow = h('tr');
  const table = h('table', { class: 'grid fleet', 'aria-describedby': 'fleet-caption' },
    h('caption', { id: 'fleet-caption' }, 'Virtual machines (sorting orders the page shown; raise "Per page" to sort more at once)'),
    h('thead', {}, headRow),
    tbody);
  const prevButton = h('button', { type: 'button', dataset: { focus: 'prev' }, onclick: () => { state.page = previous.pop() ?? ''; sync(); poll.now(); } }, '← Previous');
  const nextButton = h('button', { type: 'button', dataset: { focus: 'next' }, onclick: () => { previous.push(state.page); state.page = next; sync(); poll.now(); } }, 'Next →');
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, prevButton, h('span', { class: 'page-no' }), nextButton);

  const selectedText = h('span', { class: 'selected-count', 'aria-live': 'polite' });
  const actSelected = h('button', { type: 'button', id: 'act-selected', onclick: () => openPanel({ vmIds: [...selected] }) }, 'Act on selected…');
  const actFilter = h('button', { type: 'button', id: 'act-filter', onclick: () => openPanel({ selector: selectorOf(state) }) }, 'Act on the current filter…');
  const clearSelection = h('button', { type: 'button', onclick: () => { selected.clear(); renderRows(); } }, 'Clear selection');
  const panelSlot = h('div', { class: 'panel-slot' });
  const toolbar = h('div', { class: 'selection', role: 'group', 'aria-label': 'Fleet action', dataset: { needs: 'operator' } },
    selectedText, actSelected, clearSelection, actFilter, h('a', { href: '#/fleet-operations' }, 'Fleet operations'));

  replace(root,
    h('div', { class: 'title-row' }, h('h1', {}, 'Fleet'), h('a', { class: 'button', href: '#/create', dataset: { needs: 'operator' } }, 'Create VM')),
    summary, form, toolbar, panelSlot, status, tableWrap(table), pager);

  function openPanel(target) {
    const panel = actionPanel(target, () => { replace(panelSlot); actFilter.focus(); });
    replace(panelSlot, panel);
    panel.querySelector('select, input')?.focus();
  }

  function renderSelection() {
    selectedText.textContent = `${selected.size} selected`;
    actSelected.disabled = selected.size === 0;
    clearSelection.disabled = selected.size === 0;
  }

  function toggle(id, on) {
    if (on) selected.add(id); else selected.delete(id);
    renderSelection();
    const all = headRow.querySelector('#select-page');
    if (all) all.checked = items.length > 0 && items.every(vm => selected.has(vm.id));
  }

  function renderHead() {
    const [key, desc] = state.sort.startsWith('-') ? [state.sort.slice(1), true] : [state.sort, false];
    const all = h('input', { type: 'checkbox', id: 'select-page', 'aria-label': 'Select all on this page', dataset: { focus: 'select-page' },
      onchange: e => { const on = e.target.checked; for (const vm of items) toggle(vm.id, on); renderRows(); } });
    replace(headRow, h('th', { scope: 'col', class: 'col-select', dataset: { needs: 'operator' } }, all), COLUMNS.map(([k, title]) => h('th', {
      scope: 'col', class: 'col-' + k, 'aria-sort': k === key ? (desc ? 'descending' : 'ascending') : null,
    }, h('button', { type: 'button', class: 'sort', dataset: { sort: k, focus: 'sort-' + k }, onclick: () => sortBy(k) },
      title, h('span', { class: 'arrow', 'aria-hidden': 'true' }, k === key ? (desc ? ' ▼' : ' ▲') : '')))));
  }

  function sortBy(k) {
    state.sort = state.sort === k ? '-' + k : k;
    sync();
    renderHead();
    renderRows();
  }

  function sync() {
    setParams({ name: state.name, vmState: state.vmState, taskState: state.taskState, powerState: state.powerState,
      ...Object.fromEntries(TAG_FILTERS.map(([k]) => [k, state[k]])),
      limit: state.limit === '25' ? '' : state.limit, sort: state.sort === 'name' ? '' : state.sort,
      deleted: state.deleted ? '1' : '', page: state.page });
    remember();
  }

  // The VM view's "← Fleet" returns to this page with these filters.
  function remember() { sessionStorage.setItem(FLEET_PLACE, location.hash || '#/'); }
  remember();

  function clear() {
    for (const s of form.querySelectorAll('select')) s.value = s.name === 'limit' ? '25' : '';
    nameInput.value = '';
    for (const [k] of TAG_FILTERS) form.elements[k].value = '';
    deletedBox.checked = false;
    changed();
  }

  const filters = () => JSON.stringify([...form.querySelectorAll('select')].map(s => state[s.name]).concat(
    state.name, state.deleted, TAG_FILTERS.map(([k]) => state[k])));

  function changed() {
    const before = filters();
    for (const s of form.querySelectorAll('select')) state[s.name] = s.value;
    state.name = nameInput.value.trim();
    for (const [k] of TAG_FILTERS) state[k] = parseList(form.elements[k].value).join(',');
    state.deleted = deletedBox.checked;
    // A text field reports its change again when it loses focus (after Enter already applied it): no change then,
    // and the operator's ticks and page stay.
    if (filters() === before) return;
    // The ticks and an open panel belonged to the old filter.
    selected.clear();
    replace(panelSlot);
    state.page = '';
    previous = [];
    sync();
    poll.now();
  }
  form.addEventListener('change', e => { if (e.target !== nameInput) changed(); });
  form.addEventListener('submit', changed);
  // Search as the operator types, once they pause.
  let typing = null;
  nameInput.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(changed, 300); });

  function renderRows() {
    const [key, desc] = state.sort.startsWith('-') ? [state.sort.slice(1), true] : [state.sort, false];
    const value = (COLUMNS.find(c => c[0] === key) ?? COLUMNS[0])[2];
    // Names compare as people read them (web-2 before web-10); ids are hex, compared as text.
    const compare = key === 'id' ? (x, y) => (x < y ? -1 : x > y ? 1 : 0)
      : (x, y) => x.localeCompare(y, undefined, { numeric: true });
    const shown = [...items].sort((a, b) => (desc ? -1 : 1) * compare(String(value(a)), String(value(b))) || (a.id < b.id ? -1 : 1));
    renderSelection();
    const all = headRow.querySelector('#select-page');
    if (all) all.checked = shown.length > 0 && shown.every(vm => selected.has(vm.id));
    keepFocus(root, () => {
      replace(tbody, shown.length === 0
        ? h('tr', {}, h('td', { colspan: COLUMNS.length + 1, class: 'empty' }, 'No VM matches these filters.'))
        : shown.map(vm => {
          const alert = mismatches.get(vm.id);
          return h('tr', { dataset: { vmId: vm.id }, 'aria-busy': vm.taskState ? 'true' : null, class: [vm.taskState ? 'in-flight' : '', alert ? 'drift' : ''].join(' ').trim() || null },
            h('td', { class: 'col-select', dataset: { needs: 'operator' } }, h('input', {
              type: 'checkbox', checked: selected.has(vm.id), 'aria-label': 'Select ' + vm.name, dataset: { focus: 'sel-' + vm.id },
              onchange: e => toggle(vm.id, e.target.checked) })),
            h('td', { class: 'col-name' }, vmLink(vm.id, vm.name),
              alert ? [' ', h('a', { class: 'mismatch', href: '#/alerts?vmId=' + encodeURIComponent(vm.id), title: alert.message, dataset: { focus: 'mm-' + vm.id } }, '⚠ power mismatch')] : null),
            h('td', { class: 'col-vmState' }, badge('vm', vm.vmState)),
            h('td', { class: 'col-taskState' }, badge('task', vm.taskState)),
            h('td', { class: 'col-powerState' }, badge('power', vm.powerState)),
            h('td', { class: 'col-size' }, vm.size),
            h('td', { class: 'col-image' }, vm.image),
            h('td', { class: 'col-tags' }, chips(tagsOf(vm))),
            h('td', { class: 'col-updated' }, timeEl(vm.updatedAt)),
            h('td', { class: 'col-id mono' }, vm.id));
        }));
    });
  }

  async function load() {
    let page;
    let alerts;
    try {
      // The API leaves the tombstones out, so a page stays full however many VMs were hard-deleted.
      const showDeleted = state.deleted || state.vmState === 'hard_deleted';
      [page, alerts] = await Promise.all([
        get('vms' + query({ name: state.name, vmState: state.vmState, taskState: state.taskState, powerState: state.powerState,
          ...Object.fromEntries(TAG_FILTERS.map(([k, q]) => [q, state[k]])),
          excludeHardDeleted: showDeleted ? '' : 'true', limit: state.limit, continuationToken: state.page })),
        // Open or acknowledged: an acknowledged mismatch is still a mismatch until power sync resolves it.
        Promise.all(['open', 'acknowledged'].map(st => get(`alerts?status=${st}&kind=power_mismatch&limit=1000`)))
          .then(pages => ({ items: pages.flatMap(p => p.items) })).catch(() => ({ items: [] })),
      ]);
    } catch (e) {
      replace(status, problemView(e));
      return;
    }
    replace(status);
    next = page.continuationToken;
    items = page.items;
    mismatches = new Map(alerts.items.map(a => [a.vmId, a]));
    renderRows();
    prevButton.disabled = !state.page;
    nextButton.disabled = !next;
    pager.querySelector('.page-no').textContent = `Page ${previous.length + 1}`;
  }

  // The whole fleet is read for the summary, so it is refreshed less often than the page.
  async function loadSummary() {
    let s;
    try {
      const [vms, alerts] = await Promise.all([all('vms'), all('alerts?status=open')]);
      s = summarize(vms, alerts);
    } catch {
      summary.textContent = 'The fleet could not be counted.';
      return;
    }
    replace(summary,
      h('strong', { dataset: { count: 'total' } }, `${s.total} VM${s.total === 1 ? '' : 's'}`), ': ',
      s.byState.length ? s.byState.map(([st, n], i) => [i ? ', ' : '', h('span', { dataset: { count: st } }, `${st} ${n}`)]) : 'none',
      ' · ', h('span', { dataset: { count: 'busy' } }, `${s.busy} busy`),
      ' · ', h('a', { href: '#/alerts', dataset: { count: 'alerted' } }, `${s.alerted} with open alerts`));
  }

  renderHead();
  const poll = every(3000, load, isType('vmcontrol.vm.'));
  const summaryPoll = every(10000, loadSummary, e => isType('vmcontrol.vm.')(e) || isType('vmcontrol.alert.')(e));
  return () => { poll(); summaryPoll(); clearTimeout(typing); };
}
