// Alarms: every alarm, open and acknowledged (who, when, the note), acknowledge from here; admin and HR set each
// door's thresholds.
import { api } from '../api.js';
import { session } from '../session.js';
import { alarms, acknowledge, alarmKindText, doorName } from '../alarms.js';
import { h, fill, field, doorOptions, formatDateTime, toast } from '../ui.js';

export function mount(container) {
  const abort = new AbortController();
  const rows = h('tbody', { id: 'alarm-rows' });
  const table = h('table', { class: 'compact', id: 'alarms-table', tabindex: '0' },
    h('caption', { class: 'visually-hidden' }, 'Alarms, newest first'),
    h('thead', {}, h('tr', {}, ['Raised', 'Door', 'Alarm', 'Severity', 'Count', 'Last', 'Acknowledged', ''].map((t) => h('th', { scope: 'col' }, t)))),
    rows);
  const thresholds = session.can('doors.write') ? thresholdsForm() : null;
  fill(container, h('div', { class: 'page-head' }, h('h1', {}, 'Alarms'),
    h('p', { class: 'hint' }, 'Raised by unknown faces, spoof suspicions and bursts of denials (empty scenes never raise one).')),
  table, thresholds);

  async function load() {
    const list = (await api('/api/alarms?limit=200', { signal: abort.signal })) ?? [];
    fill(rows, list.length === 0 ? h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No alarm yet.')) : list.map(row));
  }

  function row(alarm) {
    const open = !alarm.acknowledgedAt;
    const by = alarm.acknowledgedBy;
    return h('tr', { dataset: { alarmId: alarm.id, open: String(open) } },
      h('td', {}, formatDateTime(alarm.raisedAt)),
      h('td', {}, doorName(alarm.doorId)),
      h('td', {}, alarmKindText(alarm.kind)),
      h('td', {}, h('span', { class: `badge severity-${alarm.severity}` }, alarm.severity)),
      h('td', { class: 'num' }, alarm.count),
      h('td', {}, formatDateTime(alarm.lastAt)),
      h('td', { class: 'ack' }, open ? h('strong', {}, 'open')
        : [formatDateTime(alarm.acknowledgedAt), ' by ', by ? (by.keyId === 'system' ? 'system' : `${by.label} (${by.keyId})`) : '—',
          h('br', {}), h('q', {}, alarm.note ?? '')]),
      h('td', { class: 'ack-cell', tabindex: '-1' }, open ? h('button', { type: 'button', class: 'secondary', dataset: { ack: alarm.id }, onclick: async () => {
        if (!(await acknowledge(alarm))) return;
        await load();
        // Focus stays where the guard acted: the same row, now acknowledged, not the top of the page.
        rows.querySelector(`tr[data-alarm-id="${CSS.escape(alarm.id)}"] .ack-cell`)?.focus();
      } }, 'Acknowledge…') : null));
  }

  function thresholdsForm() {
    const door = h('select', { id: 'threshold-door' });
    const unknown = h('input', { id: 'threshold-unknown', type: 'number', min: 1, max: 1000, required: true });
    const denials = h('input', { id: 'threshold-denials', type: 'number', min: 1, max: 1000, required: true });
    const span = h('input', { id: 'threshold-window', type: 'number', min: 10, max: 3600, required: true });
    const form = h('form', { id: 'alarm-thresholds', class: 'card' },
      h('h2', {}, 'Thresholds per door'),
      h('div', { class: 'row' }, field('Door', door), field('Unknown faces', unknown), field('Denials', denials),
        field('Within (seconds)', span)),
      h('div', {}, h('button', { type: 'submit' }, 'Save thresholds')));
    const show = async () => {
      if (!door.value) return;
      const t = await api(`/api/alarms/thresholds/${encodeURIComponent(door.value)}`, { signal: abort.signal });
      [unknown.value, denials.value, span.value] = [t.unknownFaces, t.denials, t.windowSeconds];
    };
    door.addEventListener('change', () => show().catch(report));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      try {
        await api(`/api/alarms/thresholds/${encodeURIComponent(door.value)}`, {
          method: 'PUT', json: { unknownFaces: Number(unknown.value), denials: Number(denials.value), windowSeconds: Number(span.value) },
        });
        toast(`Thresholds for ${doorName(door.value)} saved`);
      } catch (error) {
        toast(error.message, 'error');
      }
    });
    api('/api/doors', { signal: abort.signal }).then((doors) => {
      fill(door, doorOptions(doors ?? []));
      return show();
    }).catch(report);
    return form;
  }

  function report(error) {
    if (!abort.signal.aborted) toast(error.message, 'error');
  }

  const onChange = () => load().catch(report);
  alarms.addEventListener('change', onChange);
  load().catch(report);
  return () => {
    abort.abort();
    alarms.removeEventListener('change', onChange);
  };
}
