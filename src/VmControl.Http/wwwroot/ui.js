// Small DOM helpers shared by the views: elements, badges, times, problem details.

/** h('td', { class: 'x', onclick: f }, child, 'text') */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const VM_STATES = ['initialized', 'active', 'rescued', 'paused', 'suspended', 'stopped', 'soft_deleted',
  'hard_deleted', 'resized', 'error'];
export const POWER_STATES = ['nostate', 'running', 'paused', 'shutdown', 'crashed', 'suspended'];

/** A status badge: kind is vm, task or power; a task in flight is marked busy (animated, aria-busy). */
export function badge(kind, value) {
  if (kind === 'task') {
    return value
      ? h('span', { class: 'badge task busy', title: 'task_state: ' + value + ' (in progress)', 'aria-label': 'task_state ' + value + ', in progress' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }), value)
      : h('span', { class: 'badge task idle', title: 'task_state: none', 'aria-label': 'task_state none' }, 'idle');
  }
  const label = kind === 'vm' ? 'vm_state' : 'power_state';
  return h('span', { class: `badge ${kind} ${kind}-${value}`, title: `${label}: ${value}`, 'aria-label': `${label} ${value}` }, value);
}

export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function timeEl(iso) {
  return iso ? h('time', { datetime: iso, title: iso }, fmtTime(iso)) : '—';
}

export function duration(from, to) {
  if (!from || !to) return from ? 'running' : '—';
  const ms = new Date(to) - new Date(from);
  if (!(ms >= 0)) return '—';
  if (ms < 1000) return ms + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
  return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
}

/**
 * A problem details body as text the operator can act on: title, detail, the code, and for a 409 the VM's
 * vm_state, task_state and the actions allowed now. Never a bare status code.
 */
export function problemView(error) {
  const p = error.problem || { title: error.message };
  const box = h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, p.title || 'The request failed.'),
    p.detail ? h('p', { class: 'detail' }, p.detail) : null);
  const facts = [];
  if (p.code) facts.push(['code', p.code]);
  if (p.field) facts.push(['field', p.field]);
  if ('vmState' in p) facts.push(['vm_state', p.vmState ?? '—']);
  if ('taskState' in p) facts.push(['task_state', p.taskState ?? 'none']);
  if (Array.isArray(p.allowedActions)) facts.push(['allowed actions', p.allowedActions.length ? p.allowedActions.join(', ') : 'none']);
  if (facts.length) {
    box.append(h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', { dataset: { fact: k } }, v)])));
  }
  return box;
}

/** Shows a message (or a problem) in a live region. */
export function say(region, content, kind = 'info') {
  if (content instanceof Error) replace(region, problemView(content));
  else replace(region, h('p', { class: 'msg ' + kind }, content));
}

/** Puts each problem naming a `field` next to that field of the form (elements with data-error-for). */
export function showFieldError(form, error) {
  for (const el of form.querySelectorAll('[data-error-for]')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const field = error?.problem?.field;
  if (!field) return false;
  const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
  if (!slot) return false;
  slot.textContent = error.problem.detail || error.problem.title;
  const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
  if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  return true;
}

/** A labelled form control with its error slot. */
export function field(label, control, hint) {
  const id = control.id || (control.id = 'f-' + Math.random().toString(36).slice(2, 9));
  const errorId = id + '-error';
  control.setAttribute('aria-describedby', errorId);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('small', { class: 'hint' }, hint) : null,
    h('span', { class: 'field-error', id: errorId, dataset: { errorFor: control.name || '' }, 'aria-live': 'polite' }));
}

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs }, options.map(o => {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value }, text);
  }));
}

/** Keeps focus on the element with the same data-focus key across a re-render of `container`. */
export function keepFocus(container, render) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focus : null;
  render();
  if (key) container.querySelector(`[data-focus="${CSS.escape(key)}"]`)?.focus();
}

export const vmLink = (id, text) => h('a', { href: '#/vms/' + encodeURIComponent(id), dataset: { focus: 'vm-' + id } }, text ?? id);

/** A table inside its own horizontal scroller, so a wide table never widens the page. */
export const tableWrap = table => h('div', { class: 'table-wrap' }, table);

/**
 * A modal confirmation: resolves true when the operator presses `yes`, false on Cancel or Escape. Focus starts on
 * Cancel, so an Enter pressed by habit does not confirm.
 */
export function confirmDialog(title, text, yes) {
  const cancel = h('button', { type: 'submit', value: 'cancel' }, 'Cancel');
  const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-h', 'aria-describedby': 'confirm-text' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'confirm-h' }, title),
      h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', value: 'yes', class: 'danger' }, yes), cancel)));
  return new Promise(resolve => {
    dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'yes'); }, { once: true });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
