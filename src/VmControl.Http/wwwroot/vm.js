// One VM: fields, the lifecycle's actions as buttons in groups (disabled ones say why), parameter forms, a
// confirmation before the disruptive actions and a stronger one (the VM's name) before hard delete, the current
// task's steps as they happen, the action history (kept after delete), the last fault, a power-mismatch marker
// linking to its alert, and the admin reset-state. #/vms/{id}?confirm=stop opens that action's confirmation (the
// alerts view links there).
import { ApiError, del, get, getLifecycle, post, query } from './api.js';
import { schedulePanel } from './vmschedule.js';
import { badge, confirmDialog, duration, field, h, problemView, replace, say, select, showFieldError, tableWrap, timeEl } from './ui.js';
import { every, isAbout, setParams } from './nav.js';
import { FLEET_PLACE } from './fleet.js';
import { tagEditor } from './vmtags.js';

// Actions that ask for parameters first; the rest are sent as soon as their button is pressed.
const FORMS = {
  reboot: () => [field('Reboot type', select('type', [['soft', 'soft (guest restart)'], ['hard', 'hard (power cycle)']], 'soft'))],
  resize: () => [field('New size', h('input', { name: 'size', autocomplete: 'off' }))],
  rebuild: () => [field('Image (empty keeps the current one)', h('input', { name: 'image', autocomplete: 'off' }))],
  snapshot: () => [field('Snapshot name', h('input', { name: 'name', autocomplete: 'off' }))],
  backup: () => [field('Backup name', h('input', { name: 'name', autocomplete: 'off' }))],
};

// Actions that interrupt the guest or replace what it runs: the operator confirms them first.
export const CONFIRM = {
  stop: 'The guest is powered off; anything running in it stops.',
  suspend: 'The guest is suspended to disk; it does not answer until it is resumed.',
  rescue: 'The guest is restarted into a rescue system; its services stop until unrescue.',
  migrate: 'The VM moves to another host; the guest is restarted on the way.',
  rebuild: 'The disk is rebuilt from the image: data on it is lost.',
  soft_delete: 'The guest is powered off and the VM is marked deleted; it can be restored until power sync reclaims it.',
};

// The buttons in groups, so a destructive action never sits between two everyday ones.
const GROUPS = [
  ['power', 'Power', ['start', 'stop', 'reboot', 'pause', 'unpause', 'suspend', 'resume']],
  ['maintenance', 'Maintenance', ['resize', 'confirm_resize', 'revert_resize', 'rebuild', 'snapshot', 'backup', 'migrate', 'rescue', 'unrescue']],
  ['danger', 'Delete and restore', ['soft_delete', 'restore']],
];

const label = action => action === 'reboot' ? 'Reboot…' : action.replace(/_/g, ' ') + (FORMS[action] || CONFIRM[action] ? '…' : '');

/** Why an action cannot run now: the same rules as the API's 409 (docs/lifecycle.md). Null when allowed. */
function refusal(vm, rule, lifecycle) {
  const actions = rule.action === 'reboot' ? ['reboot', 'reboot_hard'] : [rule.action];
  if (actions.some(a => vm.allowedActions.includes(a))) return null;
  const unsupported = lifecycle.driver.unsupportedActions?.find(u => u.action === rule.action);
  if (unsupported) return `The ${lifecycle.driver.name} driver cannot ${rule.action}: ${unsupported.reason}`;
  if (vm.vmState === 'hard_deleted') return 'The VM is deleted: nothing is allowed.';
  if (vm.vmState === 'error') return 'vm_state error: only delete (or the admin reset-state) is allowed.';
  if (vm.taskState) return `A task is in flight (task_state ${vm.taskState}); only delete pre-empts it.`;
  const from = lifecycle.actions.filter(a => actions.includes(a.action)).flatMap(a => a.allowedFrom);
  return `Not allowed in vm_state ${vm.vmState} (allowed from: ${[...new Set(from)].join(', ')}).`;
}

export function mount(root, { parts, params }) {
  const id = parts[1];
  // A link may ask for one action's confirmation on arrival; it is offered once.
  let confirmOnArrival = params?.get('confirm') || null;
  let vm = null;
  let lifecycle = null;
  let historyToken = null;
  let historyExtra = [];

  const heading = h('h1', {}, id);
  const badges = h('div', { class: 'badges' });
  const mismatch = h('a', { class: 'mismatch', hidden: true }, '⚠ power disagrees with vm_state');
  // A fixed slot under the buttons: a message never moves a button the operator is about to press.
  const messages = h('div', { class: 'messages slot', 'aria-live': 'polite' });
  const fields = h('dl', { class: 'fields' });
  // Hidden below the operator role (data-needs, console.css): a reader sees the VM, not buttons it may not press.
  const buttons = h('div', { class: 'action-groups', dataset: { needs: 'operator' } });
  const formSlot = h('div', { class: 'form-slot' });
  // The focused or hovered action's title (why it is disabled, or what it does), readable without a mouse too.
  const hint = h('p', { class: 'action-hint', id: 'action-hint', 'aria-live': 'polite', dataset: { needs: 'operator' } }, 'Focus or point at an action to see what it does or why it is not allowed now.');
  // The button the hint describes; each render recomputes the hint from its current title, so it never goes stale.
  let hinted = null;
  const showHint = e => { const b = e.target.closest('button'); if (b?.title) { hinted = b; hint.textContent = b.title; } };
  const deleteButton = h('button', { type: 'button', class: 'danger', onclick: () => confirmDelete() }, 'Delete…');
  const task = h('section', { class: 'task', 'aria-labelledby': 'task-h', 'aria-live': 'polite' });
  const fault = h('section', { class: 'fault', 'aria-labelledby': 'fault-h' });
  const historyBody = h('tbody');
  const moreButton = h('button', { type: 'button', hidden: true, onclick: () => loadMoreHistory() }, 'Older actions');
  const resetForm = resetStateForm();
  const tags = tagEditor(id, () => poll.now());
  const schedule = schedulePanel(id);
  for (const type of ['focusin', 'mouseover']) buttons.addEventListener(type, showHint);

  replace(root,
    h('p', { class: 'crumbs' }, h('a', { href: sessionStorage.getItem(FLEET_PLACE) || '#/' }, '← Fleet')),
    h('div', { class: 'title-row' }, heading, badges, mismatch),
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'fields-h' }, h('h2', { id: 'fields-h' }, 'Details'), fields,
        h('h2', { id: 'tags-h' }, 'Tags'), tags.el),
      h('section', { 'aria-labelledby': 'actions-h' },
        h('h2', { id: 'actions-h' }, 'Actions'),
        buttons, hint, h('div', { class: 'actions danger-zone', dataset: { needs: 'operator' } }, deleteButton), messages, formSlot,
        h('details', { class: 'admin', dataset: { needs: 'admin' } }, h('summary', {}, 'Admin: reset state'), resetForm))),
    task,
    fault,
    schedule.section,
    h('section', { 'aria-labelledby': 'history-h' },
      h('h2', { id: 'history-h' }, 'Action history'),
      tableWrap(h('table', { class: 'grid history' },
        h('thead', {}, h('tr', {}, ['Action', 'Status', 'Requested by', 'Requested at', 'Duration', 'vm_state', 'Error'].map(t => h('th', { scope: 'col' }, t)))),
        historyBody)),
      moreButton));

  function renderVm() {
    heading.textContent = vm.name;
    document.title = `${vm.name} · VmControl`;
    replace(badges, badge('vm', vm.vmState), badge('task', vm.taskState), badge('power', vm.powerState));
    const rows = [
      ['Id', h('span', { class: 'mono' }, vm.id)], ['Name', vm.name], ['Size', vm.size], ['Image', vm.image],
      ['Driver', vm.driver],
      ['Power detail', vm.powerStateDetail ?? '—'], ['Power observed', timeEl(vm.powerStateObservedAt)],
      ['Created', timeEl(vm.createdAt)], ['Updated', timeEl(vm.updatedAt)],
      ['Alerts', h('a', { href: '#/alerts?vmId=' + encodeURIComponent(vm.id) + '&status=' }, 'Alerts of this VM')],
    ];
    if (lifecycle.driver.name === 'simulated') {
      rows.push(['Simulator', h('a', { href: '#/simulator?vmId=' + encodeURIComponent(vm.id) }, 'Faults or drift for this VM')]);
    }
    replace(fields, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    tags.render(vm);
    renderButtons();
    if (vm.fault) {
      replace(fault, h('h2', { id: 'fault-h' }, 'Last fault'),
        h('p', {}, h('strong', {}, vm.fault.action), ': ', vm.fault.message),
        h('p', { class: 'muted' }, `code ${vm.fault.code} · `, timeEl(vm.fault.at)));
    } else {
      replace(fault);
    }
  }

  function renderButtons() {
    const rules = lifecycle.actions.filter(a => a.action !== 'create' && a.action !== 'delete' && a.action !== 'reboot_hard');
    if (!buttons.children.length) {
      const grouped = GROUPS.flatMap(g => g[2]);
      // An action of a newer lifecycle that no group names still gets a button, under maintenance.
      const groups = GROUPS.map(([key, title, names]) => [key, title,
        rules.filter(r => names.includes(r.action) || (key === 'maintenance' && !grouped.includes(r.action)))]);
      for (const [key, title, members] of groups) {
        if (!members.length) continue;
        const titleId = 'group-' + key;
        buttons.append(h('div', { class: 'action-group group-' + key, role: 'group', 'aria-labelledby': titleId },
          h('span', { class: 'group-title', id: titleId }, title),
          h('div', { class: 'actions' }, members.map(rule =>
            h('button', { type: 'button', class: key === 'danger' ? 'danger' : null, dataset: { action: rule.action }, onclick: () => pressed(rule.action) }, label(rule.action))))));
      }
    }
    for (const button of buttons.querySelectorAll('button')) {
      const rule = rules.find(r => r.action === button.dataset.action);
      const why = refusal(vm, rule, lifecycle);
      // aria-disabled, not disabled: the button stays focusable so a keyboard user can read the reason too.
      button.setAttribute('aria-disabled', why ? 'true' : 'false');
      button.classList.toggle('allowed', !why);
      button.title = why ?? `Request ${rule.action} (task_state ${rule.taskState})` + (CONFIRM[rule.action] ? '; asks for confirmation' : '');
    }
    if (hinted?.title) hint.textContent = hinted.title;
    const deleted = vm.vmState === 'hard_deleted';
    deleteButton.setAttribute('aria-disabled', deleted ? 'true' : 'false');
    deleteButton.title = deleted ? 'The VM is already deleted.' : 'Hard delete: pre-empts any running task.';
    if (hinted === deleteButton) hint.textContent = deleteButton.title;
    if (confirmOnArrival) {
      const action = confirmOnArrival;
      confirmOnArrival = null;
      // Offered once: a reload or a bookmark of this page does not ask again.
      setParams({});
      if (buttons.querySelector(`[data-action="${CSS.escape(action)}"]`)) pressed(action);
    }
  }

  function pressed(action) {
    const button = buttons.querySelector(`[data-action="${action}"]`);
    if (button.getAttribute('aria-disabled') === 'true') {
      say(messages, button.title, 'warn');
      return;
    }
    if (!FORMS[action]) {
      confirmed(action).then(ok => { if (ok) send({ action }, null); else button.focus(); });
      return;
    }
    const form = h('form', { class: 'param-form', 'aria-label': `${action} parameters`, novalidate: true },
      h('h3', {}, action.replace(/_/g, ' ')),
      FORMS[action](),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit' }, 'Send ' + action),
        h('button', { type: 'button', onclick: () => { replace(formSlot); button.focus(); } }, 'Cancel')));
    if (action === 'reboot') {
      const type = form.querySelector('[name=type]');
      for (const option of type.options) {
        option.disabled = !vm.allowedActions.includes(option.value === 'hard' ? 'reboot_hard' : 'reboot');
      }
      type.value = [...type.options].find(o => !o.disabled)?.value ?? 'soft';
    }
    form.addEventListener('submit', e => {
      e.preventDefault();
      const body = { action };
      for (const [k, v] of new FormData(form)) if (v !== '' || k !== 'image') body[k] = v;
      confirmed(action).then(ok => { if (ok) send(body, form); });
    });
    replace(formSlot, form);
    form.querySelector('input, select')?.focus();
  }

  /** Resolves true at once for an everyday action, else when the operator confirms it in a dialog naming the VM. */
  function confirmed(action) {
    if (!CONFIRM[action]) return Promise.resolve(true);
    const verb = action.replace(/_/g, ' ');
    return confirmDialog(`${verb[0].toUpperCase()}${verb.slice(1)} ${vm.name}?`, `${CONFIRM[action]} (${vm.name}, ${vm.id})`, `Yes, ${verb}`);
  }

  async function send(body, form) {
    say(messages, `Requesting ${body.action}…`);
    try {
      const { data } = await post(`vms/${encodeURIComponent(id)}/actions`, body);
      replace(formSlot);
      say(messages, `${body.action} accepted (task_state ${data.taskState ?? '—'}).`, 'ok');
      await poll.now();
    } catch (e) {
      if (!(form && showFieldError(form, e))) say(messages, e);
    }
  }

  function confirmDelete() {
    if (deleteButton.getAttribute('aria-disabled') === 'true') {
      say(messages, deleteButton.title, 'warn');
      return;
    }
    const input = h('input', { name: 'confirm', autocomplete: 'off', spellcheck: 'false' });
    const confirm = h('button', { type: 'submit', class: 'danger', value: 'delete', disabled: true }, `Delete ${vm.name}`);
    input.addEventListener('input', () => { confirm.disabled = input.value !== vm.name; });
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'delete-h' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'delete-h' }, `Hard delete ${vm.name}?`),
        h('p', {}, `VM ${vm.name} (${vm.id}) will be deleted from the hypervisor. This pre-empts any running task` +
          (vm.taskState ? ` (now: ${vm.taskState})` : '') + ' and cannot be undone; its history is kept.'),
        field(`Type the VM's name (${vm.name}) to confirm`, input),
        h('div', { class: 'buttons' }, confirm, h('button', { type: 'submit', value: 'cancel' }, 'Cancel'))));
    dialog.addEventListener('close', async () => {
      dialog.remove();
      deleteButton.focus();
      if (dialog.returnValue !== 'delete') return;
      try {
        await del(`vms/${encodeURIComponent(id)}`);
        say(messages, `Delete of ${vm.name} accepted.`, 'ok');
        await poll.now();
      } catch (e) {
        say(messages, e);
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  }

  function resetStateForm() {
    const form = h('form', { class: 'param-form', 'aria-label': 'Reset state', novalidate: true },
      h('p', { class: 'muted' }, 'Sets vm_state and clears task_state without touching the hypervisor (admin role). Recorded in the history.'),
      field('New vm_state', select('vmState', ['active', 'error'], 'active')),
      field('Reason', h('input', { name: 'reason', autocomplete: 'off' })),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Reset state')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = Object.fromEntries(new FormData(form));
      try {
        await post(`vms/${encodeURIComponent(id)}/reset-state`, body);
        showFieldError(form, null);
        say(messages, `State reset to ${body.vmState}.`, 'ok');
        form.elements.reason.value = '';
        await poll.now();
      } catch (err) {
        if (!showFieldError(form, err)) say(messages, err);
      }
    });
    return form;
  }

  async function renderTask() {
    if (!vm.currentActionId) { replace(task); return; }
    let action;
    try {
      action = await get(`vms/${encodeURIComponent(id)}/actions/${encodeURIComponent(vm.currentActionId)}`);
    } catch (e) {
      replace(task, h('h2', { id: 'task-h' }, 'Current task'), problemView(e));
      return;
    }
    const running = action.status === 'running';
    replace(task,
      h('h2', { id: 'task-h' }, running ? 'Current task' : 'Last task'),
      h('p', { class: 'task-head' },
        h('strong', {}, action.action), ' ',
        running ? badge('task', action.taskState) : h('span', { class: `badge status status-${action.status}` }, action.status),
        ` requested by ${action.requestedBy} · `, timeEl(action.requestedAt),
        ` · ${duration(action.startedAt || action.requestedAt, action.finishedAt)}`),
      h('ol', { class: 'steps', 'aria-label': 'Steps' },
        action.events.length === 0 ? h('li', { class: 'muted' }, running ? 'Waiting for the first step…' : 'No steps recorded.') : null,
        action.events.map(ev => h('li', { class: 'step step-' + ev.result },
          h('span', { class: 'step-name' }, ev.step), ' ', h('span', { class: 'step-result' }, ev.result), ' ',
          timeEl(ev.at), ev.detail ? h('span', { class: 'step-detail' }, ' — ' + ev.detail) : null)),
        running ? h('li', { class: 'step pending' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' in progress…') : null),
      action.error ? h('p', { class: 'error' }, `${action.error.code}: ${action.error.message}`) : null);
  }

  // This VM's unresolved power_mismatch alert (open or acknowledged), if any: a marker beside the badges, linking to it.
  async function renderMismatch() {
    let open = null;
    try {
      const pages = await Promise.all(['open', 'acknowledged'].map(status =>
        get('alerts' + query({ vmId: id, status, kind: 'power_mismatch', limit: 1 }))));
      open = pages.flatMap(p => p.items)[0] ?? null;
    } catch { /* the marker is a hint; the alerts view shows the error */ }
    mismatch.hidden = !open;
    if (open) {
      mismatch.href = '#/alerts?vmId=' + encodeURIComponent(id);
      mismatch.title = open.message;
    }
  }

  function historyRow(a) {
    return h('tr', { dataset: { actionId: a.id, status: a.status } },
      h('td', {}, a.action, Object.keys(a.parameters || {}).length
        ? h('span', { class: 'muted' }, ' (' + Object.entries(a.parameters).map(([k, v]) => `${k}=${v}`).join(', ') + ')') : null),
      h('td', {}, h('span', { class: `badge status status-${a.status}` }, a.status)),
      h('td', {}, a.requestedBy),
      h('td', {}, timeEl(a.requestedAt)),
      h('td', {}, duration(a.startedAt || a.requestedAt, a.finishedAt)),
      h('td', {}, `${a.vmStateBefore} → ${a.vmStateAfter ?? '…'}`),
      h('td', {}, a.error ? `${a.error.code}: ${a.error.message}` : ''));
  }

  async function loadHistory() {
    const page = await get(`vms/${encodeURIComponent(id)}/actions?limit=20`);
    if (historyExtra.length === 0) historyToken = page.continuationToken;
    replace(historyBody, [...page.items, ...historyExtra].map(historyRow));
    moreButton.hidden = !historyToken;
  }

  async function loadMoreHistory() {
    try {
      const page = await get(`vms/${encodeURIComponent(id)}/actions` + query({ limit: 20, continuationToken: historyToken }));
      historyExtra.push(...page.items);
      historyToken = page.continuationToken;
      historyBody.append(...page.items.map(historyRow));
      moreButton.hidden = !historyToken;
    } catch (e) {
      say(messages, e);
    }
  }

  async function load() {
    try {
      lifecycle ??= await getLifecycle();
      vm = await get(`vms/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        replace(root, h('h1', {}, 'VM not found'), problemView(e), h('p', {}, h('a', { href: '#/' }, 'Back to the fleet')));
        poll();
        return;
      }
      say(messages, e);
      return;
    }
    renderVm();
    await Promise.all([renderTask(), loadHistory().catch(e => say(messages, e)), renderMismatch()]);
  }

  // A task in flight is followed closely; an idle VM is refreshed at the fleet's pace.
  const poll = every(1500, load, isAbout(id));
  return () => { poll(); document.title = 'VmControl console'; };
}

