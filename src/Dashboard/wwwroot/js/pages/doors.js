// Doors: one tile per door with its last decision and last-hour counters; a tile turns to alarm when the door
// sees several denials (unknown faces included) within a minute, and calms down by itself once the minute passes.
import { api, query, decisionsOf } from '../api.js';
import { feed } from '../feed.js';
import { h, fill, formatTime, reasonText, personName, outcomeBadge, toast } from '../ui.js';

const hour = 60 * 60 * 1000;
const alarmWindow = 60 * 1000;
const alarmThreshold = 3;

export function mount(container) {
  const doors = new Map();   // doorId → { info, decisions (newest first, last hour), tile }
  const seen = new Set();
  const grid = h('div', { class: 'door-grid', id: 'door-grid' });
  fill(container,
    h('div', { class: 'page-head' }, h('h1', {}, 'Doors'),
      h('p', { class: 'hint' }, `A door turns to alarm at ${alarmThreshold} or more denials or unknown faces within a minute.`)),
    grid);

  function door(id) {
    if (!doors.has(id)) {
      const tile = h('section', { class: 'door-tile', tabindex: '0', dataset: { doorId: id } });
      doors.set(id, { info: { id, name: id, zone: '', mode: '' }, decisions: [], tile });
      grid.querySelector('.empty')?.remove();
      grid.append(tile);
    }
    return doors.get(id);
  }

  function add(decision) {
    if (seen.has(decision.eventId)) return null;
    seen.add(decision.eventId);
    const entry = door(decision.doorId);
    entry.decisions.push(decision);
    entry.decisions.sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    return entry;
  }

  function render(entry) {
    const now = Date.now();
    entry.decisions = entry.decisions.filter((d) => now - Date.parse(d.timestamp) < hour);
    const granted = entry.decisions.filter((d) => d.decision === 'granted').length;
    const denied = entry.decisions.length - granted;
    const unknown = entry.decisions.filter((d) => d.reason === 'unknown_face').length;
    const recentDenials = entry.decisions.filter((d) => d.decision === 'denied' && now - Date.parse(d.timestamp) < alarmWindow).length;
    const alarm = recentDenials >= alarmThreshold;
    const last = entry.decisions[0];
    const { info, tile } = entry;
    tile.classList.toggle('alarm', alarm);
    tile.dataset.alarm = String(alarm);
    tile.setAttribute('aria-label', `${info.name}${alarm ? ', alarm' : ''}`);
    fill(tile,
      h('header', {}, h('h2', {}, info.name), h('span', { class: 'zone' }, [info.zone, info.mode].filter(Boolean).join(' · '))),
      alarm ? h('p', { class: 'alarm-text', role: 'alert' }, `Alarm: ${recentDenials} denials in the last minute`) : null,
      last
        ? h('p', { class: 'last' },
          h('time', { datetime: last.timestamp }, formatTime(last.timestamp)), h('strong', { class: 'person' }, personName(last)),
          outcomeBadge(last), h('span', { class: 'reason' }, reasonText(last.reason)))
        : h('p', { class: 'last muted' }, 'No decision in the last hour'),
      h('dl', { class: 'counters' },
        h('div', {}, h('dt', {}, 'Granted'), h('dd', { dataset: { counter: 'granted' } }, granted)),
        h('div', {}, h('dt', {}, 'Denied'), h('dd', { dataset: { counter: 'denied' } }, denied)),
        h('div', {}, h('dt', {}, 'Unknown'), h('dd', { dataset: { counter: 'unknown' } }, unknown))),
      h('small', { class: 'muted' }, 'last hour'));
  }

  function onDecisions(event) {
    const touched = new Set(event.detail.map(add).filter(Boolean));
    touched.forEach(render);
  }

  feed.addEventListener('decisions', onDecisions);
  // Counters and alarms are windows in time: re-evaluate them even when nothing new arrives.
  const timer = setInterval(() => doors.forEach(render), 5000);

  const abort = new AbortController();
  (async () => {
    const list = await api('/api/doors', { signal: abort.signal });
    for (const info of list ?? []) door(info.id).info = info;
    const from = new Date(Date.now() - hour).toISOString();
    const history = await api(`/api/events${query({ kind: 'decision', from, limit: 1000 })}`, { signal: abort.signal });
    decisionsOf(history).forEach(add);
    doors.forEach(render);
    if (doors.size === 0) grid.append(h('p', { class: 'empty' }, 'No doors yet. An admin creates them through the API.'));
  })().catch((error) => abort.signal.aborted || toast(`Doors: ${error.message}`, 'error'));

  return () => {
    abort.abort();
    clearInterval(timer);
    feed.removeEventListener('decisions', onDecisions);
  };
}
