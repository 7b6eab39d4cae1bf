// Events: the audit history, searchable by door, person and time, paged newest first, exportable as CSV.
import { api, query, asDecision } from '../api.js';
import { h, fill, field, doorOptions, formatDateTime, formatDistance, formatLatency, reasonText, toast } from '../ui.js';

const pageSize = 50;
const exportPageSize = 1000;   // the gateway's largest page
const exportMaxRows = 50_000;  // a bound, so an export always finishes

export function mount(container) {
  const abort = new AbortController();
  const door = h('select', { id: 'events-door' }, h('option', { value: '' }, 'All doors'));
  const staff = h('input', { id: 'events-staff', type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const outcome = h('select', { id: 'events-outcome' },
    h('option', { value: '' }, 'Everything'), h('option', { value: 'granted' }, 'Granted'),
    h('option', { value: 'denied' }, 'Denied'), h('option', { value: 'change' }, 'HR changes'));
  const from = h('input', { id: 'events-from', type: 'datetime-local' });
  const to = h('input', { id: 'events-to', type: 'datetime-local' });
  const form = h('form', { id: 'events-search', class: 'toolbar' },
    field('Door', door), field('Staff id', staff), field('Show', outcome), field('From', from), field('To', to),
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'button', id: 'events-export', class: 'secondary', onclick: exportCsv }, 'Export CSV'));
  const body = h('tbody', { id: 'events-rows' });
  const newer = h('button', { type: 'button', id: 'events-newer', class: 'secondary', disabled: true }, '← Newer');
  const older = h('button', { type: 'button', id: 'events-older', class: 'secondary', disabled: true }, 'Older →');
  const pageInfo = h('span', { id: 'events-page', role: 'status' });

  fill(container,
    h('div', { class: 'page-head' }, h('h1', {}, 'Events')),
    form,
    h('table', { class: 'decisions' },
      h('caption', { class: 'visually-hidden' }, 'Audit events, newest first'),
      h('thead', {}, h('tr', {}, ...['Time', 'Door', 'Person', 'Event', 'Reason or detail', 'Distance', 'Latency'].map((t) => h('th', { scope: 'col' }, t)))),
      body),
    h('nav', { class: 'pager', 'aria-label': 'Pages of events' }, newer, pageInfo, older));

  // Paging walks back in time: each page's cursor is the exclusive upper bound ("to") of the query.
  const cursors = [];
  let page = [];

  function filters() {
    return {
      doorId: door.value,
      staffId: staff.value.trim(),
      from: from.value ? new Date(from.value).toISOString() : '',
      to: to.value ? new Date(to.value).toISOString() : '',
      // The server filters by kind; granted vs denied is refined here.
      kind: outcome.value === 'change' ? 'change' : outcome.value ? 'decision' : '',
    };
  }

  const matches = (entry) => {
    const d = asDecision(entry);
    if (!outcome.value) return true;
    if (outcome.value === 'change') return !d;
    return d?.decision === outcome.value;
  };

  async function fetchPage(upper, limit) {
    const base = filters();
    return (await api(`/api/events${query({ ...base, to: upper ?? base.to, limit })}`, { signal: abort.signal })) ?? [];
  }

  async function show(upper) {
    const entries = await fetchPage(upper, pageSize);
    page = entries;
    fill(body, entries.filter(matches).map(row));
    if (body.children.length === 0) body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No events match.')));
    newer.disabled = cursors.length <= 1;
    older.disabled = entries.length < pageSize;
    pageInfo.textContent = `Page ${cursors.length}`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cursors.length = 0;
    cursors.push(null);
    show(null).catch(report);
  });
  older.addEventListener('click', () => {
    const last = page[page.length - 1];
    if (!last) return;
    cursors.push(last.timestamp);
    show(last.timestamp).catch(report);
  });
  newer.addEventListener('click', () => {
    if (cursors.length <= 1) return;
    cursors.pop();
    show(cursors[cursors.length - 1]).catch(report);
  });

  async function exportCsv() {
    const rows = [];
    let upper = null;
    try {
      while (rows.length < exportMaxRows) {
        const entries = await fetchPage(upper, exportPageSize);
        rows.push(...entries.filter(matches));
        if (entries.length < exportPageSize) break;
        upper = entries[entries.length - 1].timestamp;
      }
    } catch (error) {
      return report(error);
    }
    const header = ['timestamp', 'eventId', 'doorId', 'staffId', 'name', 'event', 'reason', 'distance', 'faces', 'latencyMs', 'detail', 'actor'];
    const lines = [header, ...rows.map(csvRow)].map((cells) => cells.map(csvCell).join(','));
    const blob = new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' });
    const link = h('a', { href: URL.createObjectURL(blob), download: `accessgrid-events-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    toast(`Exported ${rows.length} events`);
  }

  function report(error) {
    if (!abort.signal.aborted) toast(error.message, 'error');
  }

  api('/api/doors', { signal: abort.signal }).then((doors) => door.append(...doorOptions(doors ?? []))).catch(report);
  cursors.push(null);
  show(null).catch(report);

  return () => abort.abort();
}

function row(entry) {
  const d = asDecision(entry);
  if (!d) {
    return h('tr', { class: 'change', dataset: { eventId: entry.eventId } },
      h('td', {}, h('time', { datetime: entry.timestamp }, formatDateTime(entry.timestamp))),
      h('td', {}, entry.doorId ?? ''), h('td', {}, entry.staffId ?? ''),
      h('td', {}, h('span', { class: 'badge change' }, entry.action)),
      h('td', {}, entry.detail ?? '', entry.actor ? h('small', { class: 'muted actor' }, ` by ${actorText(entry.actor)}`) : null),
      h('td', {}), h('td', {}));
  }
  return h('tr', { class: d.decision, dataset: { eventId: d.eventId } },
    h('td', {}, h('time', { datetime: d.timestamp }, formatDateTime(d.timestamp))),
    h('td', {}, d.doorId),
    h('td', {}, d.name || d.staffId || 'Unknown'),
    h('td', {}, h('span', { class: `badge ${d.decision}` }, d.decision)),
    h('td', {}, reasonText(d.reason)),
    h('td', { class: 'num' }, formatDistance(d.distance)),
    h('td', { class: 'num' }, formatLatency(d.latencyMs)));
}

function csvRow(entry) {
  const d = asDecision(entry);
  return d
    ? [d.timestamp, d.eventId, d.doorId, d.staffId, d.name, d.decision, d.reason, d.distance, d.faces, d.latencyMs, '', '']
    : [entry.timestamp, entry.eventId, entry.doorId, entry.staffId, '', entry.action, '', '', '', '', entry.detail, entry.actor ? actorText(entry.actor) : ''];
}

/** Who made a change: the key's label and public id, or "system". */
function actorText(actor) {
  return actor.keyId === 'system' ? 'system' : `${actor.label} (${actor.keyId})`;
}

/** Quotes a CSV cell, and defuses cells a spreadsheet would run as a formula. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
