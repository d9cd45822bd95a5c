// The VM page's schedule panel: the desired state now and the next change (GET /api/vms/{id}/schedule), and an
// override button with an expiry (POST /api/overrides).
import { get, post } from './api.js';
import { field, h, replace, say, select, timeEl } from './ui.js';

export function schedulePanel(vmId) {
  const section = h('section', { class: 'vm-schedule', 'aria-labelledby': 'schedule-h' });
  const out = h('div', { class: 'messages', 'aria-live': 'polite' });
  const until = h('input', { type: 'datetime-local', name: 'until' });
  const form = h('form', { class: 'param-form override-form', 'aria-label': 'Override', novalidate: true, dataset: { needs: 'operator' } },
    field('Keep it', select('desired', [['on', 'on'], ['off', 'off']], 'on')),
    field('Until', until, 'your local time'),
    field('Reason', h('input', { name: 'reason', required: true })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Override')),
    out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = form.elements;
    try {
      await post('overrides', { vmId, desired: f.desired.value, until: new Date(f.until.value).toISOString(), reason: f.reason.value });
      say(out, 'Override set.', 'ok');
      refresh();
    } catch (err) { say(out, err); }
  });
  const status = h('p', { class: 'schedule-status' });
  async function refresh() {
    try {
      const s = await get(`vms/${encodeURIComponent(vmId)}/schedule`);
      if (!s.scheduled) {
        replace(status, 'No schedule claims this VM.');
      } else if (!s.now) {
        replace(status, `Claimed by ${s.scheduleIds.join(' and ')}: ${s.blocked}; no tick acts on it.`);
      } else {
        replace(status,
          h('a', { href: '#/schedules/' + encodeURIComponent(s.scheduleIds[0]) }, s.scheduleIds[0]), `: wants it ${s.now.desired} (${s.now.why}). `,
          'Next change: ', s.now.nextChange ? timeEl(s.now.nextChange) : 'none', '. ',
          s.reached ? 'It is there.' : s.nextAction ? `A tick would ${s.nextAction} it.` : `A tick cannot act: ${s.blocked ?? 'held'}.`);
      }
    } catch (e) { say(out, e); }
  }
  if (!until.value) {
    const later = new Date(Date.now() + 3 * 3600000);
    later.setMinutes(later.getMinutes() - later.getTimezoneOffset());
    until.value = later.toISOString().slice(0, 16);
  }
  replace(section, h('h2', { id: 'schedule-h' }, 'Schedule'), status, form);
  refresh();
  return { section, refresh };
}
