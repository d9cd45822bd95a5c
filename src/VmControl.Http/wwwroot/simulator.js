// Simulator panel (only with the simulated driver): latency, failure rate, faults, out-of-band power changes, a
// machine the control plane does not know, and a power-sync pass now, so drift can be watched becoming an alert.
import { getLifecycle, post, put } from './api.js';
import { field, h, problemView, replace, say, select, showFieldError, POWER_STATES } from './ui.js';

function panel(title, controls, submit, onSubmit) {
  const out = h('div', { class: 'messages', 'aria-live': 'polite' });
  const form = h('form', { class: 'param-form sim', 'aria-label': title, novalidate: true },
    h('h2', {}, title), controls, h('div', { class: 'buttons' }, h('button', { type: 'submit' }, submit)), out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const result = await onSubmit(form.elements);
      showFieldError(form, null);
      say(out, result, 'ok');
    } catch (err) {
      if (showFieldError(form, err)) replace(out); else say(out, err);
    }
  });
  return form;
}

const json = r => JSON.stringify(r.data);

const n = (count, one, many = one + 's') => `${count} ${count === 1 ? one : many}`;

/** A power-sync pass's summary (POST /api/power-sync) as sentences an operator reads at a glance. */
export function passSummary(p) {
  const head = p.failed ? `The pass failed after ${p.durationMs} ms: ${p.error ?? 'no reason given'}.` : `Pass done in ${p.durationMs} ms.`;
  return [
    head,
    `Saw ${n(p.vmsSeen, 'VM record')} and ${n(p.machinesSeen, 'machine')}; ${n(p.changed, 'power state')} updated.`,
    `Alerts: ${p.alertsOpened} opened, ${p.alertsBumped} seen again, ${p.alertsResolved} resolved.`,
    `Heals started ${p.healsStarted}, reclaimed ${p.reclaimed}, tasks resumed ${p.tasksResumed}; ${n(p.writes, 'write')}, ${n(p.conflicts, 'conflict')}.`,
  ].join(' ');
}

export function mount(root, { params }) {
  const vmId = params.get('vmId') || '';
  replace(root, h('h1', {}, 'Simulator'), h('p', {}, 'Loading…'));
  getLifecycle().then(l => {
    if (l.driver.name !== 'simulated') {
      replace(root, h('h1', {}, 'Simulator'), h('p', {}, `The active driver is ${l.driver.name}; the simulator panel exists only with the simulated driver.`));
      return;
    }
    const actions = l.actions.map(a => a.action);
    replace(root,
      h('h1', {}, 'Simulator'),
      h('p', { class: 'muted' }, 'Controls of the simulated hypervisor (admin key in Azure). They change what the hypervisor does, never the control plane\'s records.'),
      h('div', { class: 'sim-grid' },
        panel('Latency and failures', [
          field('Latency (ms)', h('input', { name: 'latencyMs', type: 'number', min: 0, max: 600000, value: 0 }), 'every later hypervisor call, 0-600000'),
          field('Failure rate', h('input', { name: 'failureRate', type: 'number', min: 0, max: 1, step: 0.05, value: 0 }), '0-1'),
        ], 'Apply settings', async f => json(await put('simulator/settings', { latencyMs: Number(f.latencyMs.value), failureRate: Number(f.failureRate.value) }))),
        panel('Faults', [
          field('VM id (empty: any)', h('input', { name: 'vmId', value: vmId, autocomplete: 'off' })),
          field('Action (empty: any)', select('action', [['', 'any'], ...actions], '')),
          field('Count', h('input', { name: 'count', type: 'number', min: 1, value: 1 })),
          field('Kind', select('kind', ['transient', 'permanent'], 'transient')),
        ], 'Add fault', async f => json(await post('simulator/faults', {
          vmId: f.vmId.value.trim() || undefined, action: f.action.value || undefined, count: Number(f.count.value), kind: f.kind.value }))),
        panel('Out-of-band power change', [
          field('VM id', h('input', { name: 'vmId', value: vmId, autocomplete: 'off' })),
          field('Power state', select('powerState', POWER_STATES, 'shutdown')),
        ], 'Change power', async f => {
          if (!f.vmId.value.trim()) throw Object.assign(new Error('VM id'), { problem: { field: 'vmId', detail: 'Enter the VM id.' } });
          return json(await post(`simulator/vms/${encodeURIComponent(f.vmId.value.trim())}/power-state`, { powerState: f.powerState.value }));
        }),
        panel('Unknown machine', [
          field('Name', h('input', { name: 'name', autocomplete: 'off' })),
          field('Power state', select('powerState', POWER_STATES, 'running')),
        ], 'Add machine', async f => json(await post('simulator/machines', { name: f.name.value, powerState: f.powerState.value }))),
        panel('Power sync', [h('p', { class: 'muted' }, 'Runs one power-sync and reconciliation pass now (admin). An alert opens on the second pass that sees a mismatch.')],
          'Run power sync now', async () => {
          const result = passSummary((await post('power-sync')).data);
          window.dispatchEvent(new Event('vmcontrol:alerts-changed'));
          return result;
        })));
  }).catch(e => replace(root, h('h1', {}, 'Simulator'), problemView(e)));
}
