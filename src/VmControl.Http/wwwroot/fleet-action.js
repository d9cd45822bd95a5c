// The fleet action panel: one action on many VMs (POST /api/fleet-operations, docs/fleet.md). The target is either
// the VMs ticked on the fleet page or a selector built from its filters; the operator picks the action and its
// parameters, optional tiers by a tag key, the delay, readiness and concurrency, confirms in a dialog that says how
// many VMs (or which filter), and lands on the operation's page.
import { getLifecycle, post } from './api.js';
import { confirmDialog, field, h, replace, say, select, showFieldError, VM_STATES } from './ui.js';

// The parameters an action takes, as on one VM (vm.js asks for the same ones).
const PARAMS = {
  reboot: () => field('Reboot type', select('type', [['soft', 'soft (guest restart)'], ['hard', 'hard (power cycle)']], 'soft')),
  resize: () => field('New size', h('input', { name: 'size', autocomplete: 'off' })),
  rebuild: () => field('Image (empty keeps the current one)', h('input', { name: 'image', autocomplete: 'off' })),
  snapshot: () => field('Snapshot name', h('input', { name: 'name', autocomplete: 'off' })),
  backup: () => field('Backup name', h('input', { name: 'name', autocomplete: 'off' })),
};

// A retried click (or a double click) must not start a second operation: one key per panel, the API replays.
const newKey = () => globalThis.crypto?.randomUUID?.() ?? `fop-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** A selector as words for the confirmation: `tags env=dev; vmState active`. */
export function describeSelector(selector) {
  const parts = Object.entries(selector).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : v}`);
  return parts.length ? parts.join('; ') : 'none (every VM of the project)';
}

/**
 * The panel as a form. `target` is the API's target (`{ vmIds }` or `{ selector }`); `onClose` is called when the
 * operator cancels.
 */
export function actionPanel(target, onClose) {
  const key = newKey();
  const count = target.vmIds?.length;
  const what = count ? `${count} selected VM${count === 1 ? '' : 's'}` : `the VMs matching the filter: ${describeSelector(target.selector)}`;
  const action = select('action', [], '', { id: 'fleet-action' });
  const paramSlot = h('div', { class: 'param-slot' });
  const condition = select('readiness.condition', [['actionEnded', 'the action ended'], ['powerRunning', 'power running'], ['vmState', 'a vm_state reached']], 'actionEnded');
  const stateField = field('vm_state to reach', select('readiness.vmState', VM_STATES, 'active'));
  stateField.hidden = true;
  const messages = h('div', { class: 'messages slot', 'aria-live': 'polite' });
  const number = (name, value, min, max) => h('input', { name, type: 'number', value, min, max, step: 1, inputmode: 'numeric' });
  const form = h('form', { class: 'param-form fleet-action', 'aria-label': 'Fleet action', novalidate: true },
    h('h2', {}, 'Fleet action'),
    h('p', { class: 'target', dataset: { target: count ? 'ids' : 'selector' } }, 'Target: ', what),
    h('div', { class: 'row' }, field('Action', action), paramSlot),
    h('div', { class: 'row' },
      field('Tiers by tag key', h('input', { name: 'tierTag', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. tier' }), 'optional: tier=1 first, untagged last'),
      field('Delay between tiers (s)', number('tierDelaySeconds', 0, 0, 3600))),
    h('div', { class: 'row' },
      field('Tier ready when', condition), stateField,
      field('Readiness timeout (s)', number('readiness.timeoutSeconds', 600, 0, 3600)),
      field('Concurrency', number('concurrency', 50, 1, 1000))),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Review…'),
      h('button', { type: 'button', onclick: () => onClose?.() }, 'Cancel')),
    messages);

  getLifecycle().then(l => {
    // reboot_hard is reboot with type hard; create has no VM to act on.
    const names = l.actions.filter(a => a.action !== 'create' && a.action !== 'reboot_hard' && a.supported !== false).map(a => a.action);
    replace(action, names.map(n => h('option', { value: n }, n.replace(/_/g, ' '))));
    action.value = names.includes('stop') ? 'stop' : names[0];
    params();
  }).catch(e => say(messages, e));

  function params() { replace(paramSlot, PARAMS[action.value]?.() ?? null); }
  action.addEventListener('change', params);
  condition.addEventListener('change', () => { stateField.hidden = condition.value !== 'vmState'; });

  function body() {
    const v = name => form.elements[name]?.value.trim() ?? '';
    const b = { action: action.value, target };
    for (const p of ['type', 'size', 'name']) if (v(p)) b[p] = v(p);
    if (v('image')) b.image = v('image');
    if (v('tierTag')) b.tierTag = v('tierTag');
    b.tierDelaySeconds = Number(v('tierDelaySeconds') || 0);
    b.readiness = { condition: condition.value, timeoutSeconds: Number(v('readiness.timeoutSeconds') || 0) };
    if (condition.value === 'vmState') b.readiness.vmState = v('readiness.vmState');
    b.concurrency = Number(v('concurrency') || 0);
    return b;
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const b = body();
    const verb = b.action.replace(/_/g, ' ');
    const title = count ? `${verb[0].toUpperCase()}${verb.slice(1)} ${count} VM${count === 1 ? '' : 's'}?`
      : `${verb[0].toUpperCase()}${verb.slice(1)} every VM matching the filter?`;
    const text = (count ? `${verb} on ${what}.` : `${verb} on the VMs that match when the operation starts: ${describeSelector(target.selector)}.`) +
      (b.tierTag ? ` In tiers by the tag ${b.tierTag}, ${b.tierDelaySeconds} s apart.` : '') +
      ' Each VM runs it through its own lock; a busy or refused VM is skipped, not retried.';
    if (!await confirmDialog(title, text, `Yes, ${verb}`)) return;
    say(messages, 'Starting the fleet operation…');
    try {
      const { data } = await post('fleet-operations', b, { 'Idempotency-Key': key });
      location.hash = '#/fleet-operations/' + encodeURIComponent(data.id);
    } catch (err) {
      if (!showFieldError(form, err)) say(messages, err);
    }
  });
  return form;
}
