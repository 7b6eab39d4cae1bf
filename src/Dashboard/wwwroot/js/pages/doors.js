// Doors: one tile per door with its last decision and last-hour counters; a tile turns to alarm when the door sees
// several denials (unknown faces included) within a minute, or when its requests are refused by the rate limit
// (hammered), and calms down by itself once the minute passes.
// The silo keeps the counts (every decision reaches it through the relay); the page applies live decisions between
// two snapshots so a tile reacts at once, and each snapshot corrects whatever the page cannot know by itself.
import { api } from '../api.js';
import { feed } from '../feed.js';
import { h, fill, formatTime, reasonText, personName, outcomeBadge, toast } from '../ui.js';

const snapshotEvery = 5000;

export function mount(container) {
  const tiles = new Map();   // doorId → { info, summary, tile }
  let rule = { alarmThreshold: 3, alarmWindowSeconds: 60 };
  const hint = h('p', { class: 'hint' });
  const grid = h('div', { class: 'door-grid', id: 'door-grid' });
  fill(container, h('div', { class: 'page-head' }, h('h1', {}, 'Doors'), hint), grid);

  function entry(id) {
    if (!tiles.has(id)) {
      grid.querySelector('.empty')?.remove();
      const tile = h('section', { class: 'door-tile', tabindex: '0', dataset: { doorId: id } });
      tiles.set(id, { info: { id, name: id, zone: '', mode: '' }, summary: emptySummary(id), tile });
      grid.append(tile);
    }
    return tiles.get(id);
  }

  function render({ info, summary, tile }) {
    const windowMs = rule.alarmWindowSeconds * 1000;
    const recent = summary.recentDenials.filter((t) => Date.now() - Date.parse(t) < windowMs);
    const hammered = summary.rateLimited > 0 && Date.now() - Date.parse(summary.lastRateLimited) < windowMs;
    const alarm = recent.length >= rule.alarmThreshold || hammered;
    const last = summary.last;
    tile.classList.toggle('alarm', alarm);
    tile.dataset.alarm = String(alarm);
    tile.dataset.hammered = String(hammered);
    tile.setAttribute('aria-label', `${info.name}${alarm ? ', alarm' : ''}`);
    fill(tile,
      h('header', {}, h('h2', {}, info.name), h('span', { class: 'zone' }, [info.zone, info.mode].filter(Boolean).join(' · '))),
      recent.length >= rule.alarmThreshold ? h('p', { class: 'alarm-text', role: 'alert' }, `Alarm: ${recent.length} denials in the last minute`) : null,
      hammered ? h('p', { class: 'alarm-text hammered', role: 'alert' },
        `Hammered: ${summary.rateLimited} requests rate-limited in the last minute`) : null,
      last
        ? h('p', { class: 'last' },
          h('time', { datetime: last.timestamp }, formatTime(last.timestamp)), h('strong', { class: 'person' }, personName(last)),
          outcomeBadge(last), h('span', { class: 'reason' }, reasonText(last.reason)))
        : h('p', { class: 'last muted' }, 'No decision in the last hour'),
      h('dl', { class: 'counters' },
        h('div', {}, h('dt', {}, 'Granted'), h('dd', { dataset: { counter: 'granted' } }, summary.granted)),
        h('div', {}, h('dt', {}, 'Denied'), h('dd', { dataset: { counter: 'denied' } }, summary.denied)),
        h('div', {}, h('dt', {}, 'Unknown'), h('dd', { dataset: { counter: 'unknown' } }, summary.unknown))),
      h('small', { class: 'muted' }, 'last hour'));
  }

  /** A live decision, counted at once; the next snapshot has the authoritative numbers. */
  function apply(d) {
    const { summary } = entry(d.doorId);
    if (!summary.last || Date.parse(d.timestamp) >= Date.parse(summary.last.timestamp)) summary.last = d;
    if (d.decision === 'granted') summary.granted++;
    else {
      summary.denied++;
      summary.recentDenials.push(d.timestamp);
    }
    if (d.reason === 'unknown_face') summary.unknown++;
  }

  function onDecisions(event) {
    const touched = new Set(event.detail.map((d) => { apply(d); return d.doorId; }));
    touched.forEach((id) => render(tiles.get(id)));
  }

  const abort = new AbortController();

  async function snapshot() {
    const board = await api('/dashboard/doors', { signal: abort.signal });
    rule = board;
    hint.textContent = `A door turns to alarm at ${board.alarmThreshold} or more denials or unknown faces within a minute,`
      + ' or when its requests are rate-limited (hammered).'
      + (board.historyLoaded ? '' : ' Still reading the last hour…');
    for (const summary of board.doors) entry(summary.doorId).summary = summary;
    tiles.forEach(render);
  }

  feed.addEventListener('decisions', onDecisions);
  const timer = setInterval(() => snapshot().catch(report), snapshotEvery);

  (async () => {
    const doors = await api('/api/doors', { signal: abort.signal });
    for (const info of doors ?? []) entry(info.id).info = info;
    await snapshot();
    if (tiles.size === 0) grid.append(h('p', { class: 'empty' }, 'No doors yet. An admin creates them through the API.'));
  })().catch(report);

  function report(error) {
    if (!abort.signal.aborted) toast(`Doors: ${error.message}`, 'error');
  }

  return () => {
    abort.abort();
    clearInterval(timer);
    feed.removeEventListener('decisions', onDecisions);
  };
}

function emptySummary(doorId) {
  return { doorId, last: null, granted: 0, denied: 0, unknown: 0, recentDenials: [], rateLimited: 0, lastRateLimited: null, alarm: false };
}
