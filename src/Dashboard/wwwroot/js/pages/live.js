// Live: every decision as it happens, newest on top; filters by door and outcome; pause keeps a backlog.
import { api, query, decisionsOf } from '../api.js';
import { feed } from '../feed.js';
import { h, fill, field, doorOptions, formatTime, formatDistance, formatLatency, reasonText, personName, personLink, outcomeBadge, snapshotPicture, toast } from '../ui.js';

const maxRows = 200;

export function mount(container) {
  const rows = [];          // newest first, capped at maxRows
  const doorNames = new Map();
  const held = [];          // arrived while paused, oldest first
  const seen = new Set();   // event ids already shown: history and live can overlap
  let paused = false;

  const doorFilter = h('select', { id: 'live-door' }, h('option', { value: '' }, 'All doors'));
  const outcomeFilter = h('select', { id: 'live-outcome' },
    h('option', { value: '' }, 'All outcomes'), h('option', { value: 'granted' }, 'Granted'), h('option', { value: 'denied' }, 'Denied'));
  const pauseButton = h('button', { type: 'button', id: 'live-pause', 'aria-pressed': 'false' }, 'Pause');
  const heldNote = h('span', { class: 'held', role: 'status' });
  const body = h('tbody', { id: 'live-rows' });
  const empty = h('p', { class: 'empty' }, 'No decisions yet. They appear here the moment a reader posts a frame.');

  fill(container,
    h('div', { class: 'page-head' }, h('h1', {}, 'Live decisions'),
      h('div', { class: 'toolbar' }, field('Door', doorFilter), field('Outcome', outcomeFilter), pauseButton, heldNote)),
    h('table', { class: 'decisions', 'aria-describedby': 'live-caption', tabindex: '0' },
      h('caption', { id: 'live-caption', class: 'visually-hidden' }, 'Door decisions, newest first'),
      h('thead', {}, h('tr', {}, ...['Time', 'Door', 'Person', 'Outcome', 'Reason', 'Distance', 'Latency'].map((t) => h('th', { scope: 'col' }, t)))),
      body),
    empty);

  const visible = (d) => (!doorFilter.value || d.doorId === doorFilter.value) && (!outcomeFilter.value || d.decision === outcomeFilter.value);

  function row(d, fresh) {
    return h('tr', { class: `${d.decision}${fresh ? ' fresh' : ''}`, dataset: { eventId: d.eventId, doorId: d.doorId, outcome: d.decision } },
      h('td', {}, h('time', { datetime: d.timestamp }, formatTime(d.timestamp))),
      h('td', {}, doorNames.get(d.doorId) ?? d.doorId),
      h('td', { class: 'person' }, snapshotPicture(d, doorNames.get(d.doorId) ?? d.doorId), personLink(d.staffId, personName(d))),
      h('td', {}, outcomeBadge(d)),
      h('td', { class: 'reason' }, reasonText(d.reason)),
      h('td', { class: 'num' }, formatDistance(d.distance)),
      h('td', { class: 'num' }, formatLatency(d.latencyMs)));
  }

  function render() {
    fill(body, rows.filter(visible).map((d) => row(d, false)));
    empty.hidden = body.children.length > 0;
  }

  /** Adds decisions in time order: the common case (newer than everything shown) just prepends a row. */
  function add(decisions, fresh) {
    let reorder = false;
    for (const d of decisions) {
      if (seen.has(d.eventId)) continue;
      seen.add(d.eventId);
      const at = Date.parse(d.timestamp);
      const index = rows.findIndex((r) => Date.parse(r.timestamp) <= at);
      if (index === 0 || rows.length === 0) {
        rows.unshift(d);
        if (visible(d)) body.prepend(row(d, fresh));
      } else {
        rows.splice(index < 0 ? rows.length : index, 0, d);
        reorder = true;
      }
    }
    while (rows.length > maxRows) seen.delete(rows.pop().eventId);
    if (reorder) render();
    while (body.children.length > maxRows) body.lastElementChild.remove();
    empty.hidden = body.children.length > 0;
  }

  function onDecisions(event) {
    if (paused) {
      held.push(...event.detail);
      heldNote.textContent = `${held.length} new while paused`;
    } else {
      add(event.detail, true);
    }
  }

  pauseButton.addEventListener('click', () => {
    paused = !paused;
    pauseButton.textContent = paused ? 'Resume' : 'Pause';
    pauseButton.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      add(held.splice(0), true);
      heldNote.textContent = '';
    }
  });
  doorFilter.addEventListener('change', render);
  outcomeFilter.addEventListener('change', render);
  feed.addEventListener('decisions', onDecisions);

  const abort = new AbortController();
  api('/api/doors', { signal: abort.signal })
    .then((doors) => {
      for (const door of doors ?? []) doorNames.set(door.id, door.name);
      doorFilter.append(...doorOptions(doors ?? []));
      render();
    })
    .catch((error) => abort.signal.aborted || toast(`Doors: ${error.message}`, 'error'));
  // Recent history first, so the page is useful the moment it opens; live rows then stack on top.
  api(`/api/events${query({ kind: 'decision', limit: 50 })}`, { signal: abort.signal })
    .then((history) => add(decisionsOf(history), false))
    .catch((error) => abort.signal.aborted || toast(`History: ${error.message}`, 'error'));
  render();

  return () => {
    abort.abort();
    feed.removeEventListener('decisions', onDecisions);
  };
}
