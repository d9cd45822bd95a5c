// Schedules (docs/schedules.md): the list with each schedule's state now, a form for a new one, and a schedule's
// page: its editor (PUT with If-Match), a week view from the preview, and delete.
import { ApiError, del, get, post, put, query } from './api.js';
import { field, h, problemView, replace, say, select, showFieldError, tableWrap, timeEl } from './ui.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MODES = ['enforce', 'respectManual', 'stopOnly'];
const list = text => (text || '').split(',').map(s => s.trim()).filter(Boolean);
const periodsText = s => s.periods.map(p => `${p.days.join(',')} ${p.start}-${p.stop}`).join('; ');

export function mount(root, { parts }) {
  return parts[1] ? detail(root, decodeURIComponent(parts[1])) : overview(root);
}

function overview(root) {
  const body = h('tbody');
  const out = h('div', { class: 'messages', 'aria-live': 'polite' });
  const form = editor(null, async value => {
    const r = await post('schedules', value);
    location.hash = '#/schedules/' + encodeURIComponent(r.data.id);
  });
  replace(root,
    h('h1', {}, 'Schedules'),
    h('p', { class: 'muted' }, 'Desired power by time of day; a tick every minute acts on the VMs that differ.'),
    tableWrap(h('table', { class: 'grid schedules' },
      h('thead', {}, h('tr', {}, ['Name', 'Time zone', 'Periods', 'Mode', 'Members', 'Now', 'Next change'].map(t => h('th', { scope: 'col' }, t)))),
      body)),
    out,
    h('details', { class: 'new-schedule', dataset: { needs: 'operator' } }, h('summary', {}, 'New schedule'), form));
  get('schedules').then(page => {
    replace(body, ...page.items.map(s => h('tr', {},
      h('td', {}, h('a', { href: '#/schedules/' + encodeURIComponent(s.id) }, s.name)),
      h('td', {}, s.timeZone),
      h('td', {}, periodsText(s)),
      h('td', {}, s.mode + (s.enabled ? '' : ' (disabled)')),
      h('td', {}, [s.vmIds.length ? `${s.vmIds.length} VM${s.vmIds.length === 1 ? '' : 's'}` : null, s.selector ? 'selector' : null].filter(Boolean).join(' + ')),
      h('td', {}, s.now?.desired ?? ''),
      h('td', {}, s.now?.nextChange ? timeEl(s.now.nextChange) : 'none'))));
    if (page.items.length === 0) replace(body, h('tr', {}, h('td', { colspan: 7 }, 'No schedule yet.')));
  }).catch(e => say(out, e));
}

/** The schedule form: one period (more through the API), members by ids and tags. */
function editor(s, save) {
  const period = s?.periods?.[0] ?? { days: DAYS.slice(0, 5), start: '08:00', stop: '18:00' };
  const days = h('fieldset', { class: 'days' }, h('legend', {}, 'Days'),
    DAYS.map(d => h('label', {}, h('input', { type: 'checkbox', name: 'day', value: d, checked: period.days.includes(d) }), ' ' + d)));
  const out = h('div', { class: 'messages', 'aria-live': 'polite' });
  const form = h('form', { class: 'param-form schedule-form', 'aria-label': s ? 'Edit schedule' : 'New schedule', novalidate: true },
    field('Name', h('input', { name: 'name', required: true, value: s?.name ?? '' })),
    field('Time zone', h('input', { name: 'timeZone', value: s?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone }), 'IANA id, e.g. Europe/London'),
    days,
    field('Start', h('input', { name: 'start', value: period.start, placeholder: 'HH:mm' })),
    field('Stop', h('input', { name: 'stop', value: period.stop, placeholder: 'HH:mm' }), 'at or before the start: the next day'),
    field('Mode', select('mode', MODES, s?.mode ?? 'enforce')),
    field('Stop kind', select('stopKind', ['stop', 'suspend'], s?.stopKind ?? 'stop')),
    field('VM ids', h('input', { name: 'vmIds', value: (s?.vmIds ?? []).join(', ') }), 'comma-separated'),
    field('Tags (all of)', h('input', { name: 'tags', value: (s?.selector?.tags ?? []).join(', ') }), 'a selector: VMs with every one of these tags'),
    field('Calendars', h('input', { name: 'calendars', value: (s?.calendars ?? []).join(', ') }), 'calendar ids'),
    h('label', {}, h('input', { type: 'checkbox', name: 'enabled', checked: s?.enabled ?? true }), ' Enabled'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, s ? 'Save' : 'Create')),
    out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = form.elements;
    const tags = list(f.tags.value);
    const value = {
      name: f.name.value, timeZone: f.timeZone.value, mode: f.mode.value, stopKind: f.stopKind.value, enabled: f.enabled.checked,
      periods: [{ days: [...form.querySelectorAll('input[name=day]:checked')].map(i => i.value), start: f.start.value, stop: f.stop.value }],
      vmIds: list(f.vmIds.value), calendars: list(f.calendars.value), selector: tags.length ? { ...(s?.selector ?? {}), tags } : null,
    };
    try {
      await save(value);
      showFieldError(form, null);
      say(out, 'Saved.', 'ok');
    } catch (err) {
      if (!showFieldError(form, err)) say(out, err);
    }
  });
  return form;
}

function detail(root, id) {
  const out = h('div', { class: 'messages', 'aria-live': 'polite' });
  replace(root, h('p', { class: 'crumbs' }, h('a', { href: '#/schedules' }, '← Schedules')), h('p', {}, 'Loading…'));
  const load = async () => {
    let s;
    try {
      s = await get('schedules/' + encodeURIComponent(id));
    } catch (e) {
      replace(root, h('h1', {}, e instanceof ApiError && e.status === 404 ? 'Schedule not found' : 'Schedule'), problemView(e));
      return;
    }
    const week = h('section', { 'aria-labelledby': 'week-h' }, h('h2', { id: 'week-h' }, 'This week'));
    const remove = h('button', { type: 'button', class: 'danger', dataset: { needs: 'operator' } }, 'Delete schedule');
    remove.addEventListener('click', async () => {
      try { await del('schedules/' + encodeURIComponent(id)); location.hash = '#/schedules'; } catch (e) { say(out, e); }
    });
    replace(root,
      h('p', { class: 'crumbs' }, h('a', { href: '#/schedules' }, '← Schedules')),
      h('h1', {}, s.name),
      h('p', { class: 'schedule-now' }, `Now: ${s.now?.desired ?? '?'} (${s.now?.why ?? ''}). Next change: `, s.now?.nextChange ? timeEl(s.now.nextChange) : 'none', '.'),
      week,
      h('section', { 'aria-labelledby': 'edit-h', dataset: { needs: 'operator' } }, h('h2', { id: 'edit-h' }, 'Edit'),
        editor(s, value => put('schedules/' + encodeURIComponent(id), value).then(load)), remove, out));
    weekView(week, s).catch(e => week.append(problemView(e)));
  };
  load();
}

/** The next seven days in the schedule's zone, one row per day with its on-periods drawn on a 24-hour bar. */
async function weekView(section, s) {
  const from = new Date();
  from.setUTCHours(0, 0, 0, 0);
  const to = new Date(from.getTime() + 7 * 86400000);
  const p = await get(`schedules/${encodeURIComponent(s.id)}/preview` + query({ from: from.toISOString(), to: to.toISOString() }));
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: s.timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const parts = d => Object.fromEntries(local.formatToParts(d).map(x => [x.type, x.value]));
  const days = new Map();
  for (let t = from.getTime(); t < to.getTime(); t += 86400000) {
    const q = parts(new Date(t + 43200000));
    days.set(`${q.year}-${q.month}-${q.day}`, { label: `${q.weekday} ${q.day}/${q.month}`, spans: [] });
  }
  let on = p.initial === 'on' ? 0 : null;
  let onDay = null;
  const add = (key, a, b) => days.get(key)?.spans.push([a, b]);
  for (const c of p.changes) {
    const q = parts(new Date(c.at));
    const key = `${q.year}-${q.month}-${q.day}`;
    const minute = Number(q.hour) * 60 + Number(q.minute);
    if (c.change === 'start') { on = minute; onDay = key; } else if (on !== null) {
      if (onDay && onDay !== key) { add(onDay, on, 1440); add(key, 0, minute); } else add(key, on, minute);
      on = null;
    }
  }
  if (on !== null && onDay) add(onDay, on, 1440);
  const hhmm = m => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const rows = [...days.values()].map(d => {
    const bar = h('div', { class: 'day-bar', role: 'img', 'aria-label': d.spans.length ? d.spans.map(([a, b]) => `on ${hhmm(a)}-${hhmm(b)}`).join(', ') : 'off all day' });
    for (const [a, b] of d.spans) {
      const seg = h('span', { class: 'on' });
      // CSSOM, not a style attribute: the console's CSP allows no inline style.
      seg.style.left = (a / 14.4) + '%';
      seg.style.width = ((b - a) / 14.4) + '%';
      bar.append(seg);
    }
    return h('tr', {}, h('th', { scope: 'row' }, d.label), h('td', {}, bar), h('td', {}, d.spans.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(', ') || 'off'));
  });
  section.append(h('p', { class: 'muted' }, `Local time in ${s.timeZone}; calendars applied, overrides not.`),
    tableWrap(h('table', { class: 'grid week' }, h('tbody', {}, rows))));
}
