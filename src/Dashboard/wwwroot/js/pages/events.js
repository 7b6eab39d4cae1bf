// Events: the audit history, searchable by door, person (by name or id prefix) and time, in even pages newest first,
// exportable as CSV. Doors show by name, people link to their Staff page for HR.
import { api, query, asDecision } from '../api.js';
import { session } from '../session.js';
import { h, fill, field, doorOptions, formatDateTime, formatDistance, formatLatency, reasonText, personName, personLink, toast } from '../ui.js';

const pageSize = 50;
const exportPageSize = 1000;   // the gateway's largest page
const exportMaxRows = 50_000;  // a bound, so an export always finishes

export function mount(container) {
  const abort = new AbortController();
  const door = h('select', { id: 'events-door' }, h('option', { value: '' }, 'All doors'));
  const staff = h('input', { id: 'events-staff', type: 'search', autocomplete: 'off', spellcheck: 'false', list: 'events-people', placeholder: 'Name or id' });
  const people = h('datalist', { id: 'events-people' });
  const doorNames = new Map();
  let suggestions = [];
  const outcome = h('select', { id: 'events-outcome' },
    h('option', { value: '' }, 'Everything'), h('option', { value: 'granted' }, 'Granted'),
    h('option', { value: 'denied' }, 'Denied'), h('option', { value: 'change' }, 'HR changes'));
  const from = h('input', { id: 'events-from', type: 'datetime-local' });
  const to = h('input', { id: 'events-to', type: 'datetime-local' });
  const form = h('form', { id: 'events-search', class: 'toolbar' },
    field('Door', door), field('Person', staff, 'start of a name or id'), people, field('Show', outcome), field('From', from), field('To', to),
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'button', id: 'events-export', class: 'secondary', onclick: exportCsv }, 'Export CSV'));
  const body = h('tbody', { id: 'events-rows' });
  const newer = h('button', { type: 'button', id: 'events-newer', class: 'secondary', disabled: true }, '← Newer');
  const older = h('button', { type: 'button', id: 'events-older', class: 'secondary', disabled: true }, 'Older →');
  const pageInfo = h('span', { id: 'events-page', role: 'status' });

  fill(container,
    h('div', { class: 'page-head' }, h('h1', {}, 'Events')),
    form,
    h('table', { class: 'decisions', tabindex: '0' },
      h('caption', { class: 'visually-hidden' }, 'Audit events, newest first'),
      h('thead', {}, h('tr', {}, ...['Time', 'Door', 'Person', 'Event', 'Reason or detail', 'Distance', 'Latency'].map((t) => h('th', { scope: 'col' }, t)))),
      body),
    h('nav', { class: 'pager', 'aria-label': 'Pages of events' }, newer, pageInfo, older));

  // Paging walks back in time: each page's cursor is the exclusive upper bound ("to") of the query.
  const cursors = [];
  let page = [];

  /** Whom to search for: a suggested person's exact id, or else what was typed as a person search (the server finds
   *  everyone whose name words or id start so, at most 20 people). */
  function chosenPerson() {
    const typed = staff.value.trim();
    if (!typed) return {};
    return suggestions.some((p) => p.id === typed) ? { staffId: typed } : { person: typed };
  }

  /** Suggests people whose name words or id start with what is typed (HR and admins only: guards type a search). */
  async function suggest() {
    const typed = staff.value.trim().toLowerCase();
    if (!session.can('staff') || !typed) return;
    // The server matches name words and ids, case and accents ignored.
    suggestions = (await api(`/api/staff${query({ q: typed, limit: 20 })}`, { signal: abort.signal }))?.items ?? [];
    fill(people, suggestions.map((p) => h('option', { value: p.id }, p.name ?? p.id)));
  }
  staff.addEventListener('input', () => suggest().catch(() => {}));

  function filters() {
    return {
      doorId: door.value,
      ...chosenPerson(),
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

  /** One even page: fetches until pageSize rows pass the granted/denied refinement (or the history ends). */
  async function show(upper) {
    const shown = [];
    let cursor = upper;
    let more = true;
    while (shown.length < pageSize && more) {
      const entries = await fetchPage(cursor, pageSize);
      more = entries.length === pageSize;
      for (const entry of entries) {
        if (shown.length === pageSize) break;
        if (matches(entry)) shown.push(entry);
      }
      if (entries.length) cursor = entries[entries.length - 1].timestamp;
    }
    page = shown;
    fill(body, shown.map(row));
    if (body.children.length === 0) body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No events match.')));
    newer.disabled = cursors.length <= 1;
    older.disabled = !more && shown.length < pageSize;
    pageInfo.textContent = `Page ${cursors.length}`;
  }

  function row(entry) {
    const d = asDecision(entry);
    const doorText = (id) => (id ? doorNames.get(id) ?? id : '');
    if (!d) {
      return h('tr', { class: 'change', dataset: { eventId: entry.eventId } },
        h('td', {}, h('time', { datetime: entry.timestamp }, formatDateTime(entry.timestamp))),
        h('td', {}, doorText(entry.doorId)), h('td', {}, personLink(entry.staffId, entry.staffId ?? '')),
        h('td', {}, h('span', { class: 'badge change' }, entry.action)),
        h('td', {}, entry.detail ?? '', entry.actor ? h('small', { class: 'muted actor' }, ` by ${actorText(entry.actor)}`) : null),
        h('td', {}), h('td', {}));
    }
    return h('tr', { class: d.decision, dataset: { eventId: d.eventId } },
      h('td', {}, h('time', { datetime: d.timestamp }, formatDateTime(d.timestamp))),
      h('td', { dataset: { doorId: d.doorId } }, doorText(d.doorId)),
      h('td', { class: 'person' }, personLink(d.staffId, personName(d))),
      h('td', {}, h('span', { class: `badge ${d.decision}` }, d.decision)),
      h('td', {}, reasonText(d.reason)),
      h('td', { class: 'num' }, formatDistance(d.distance)),
      h('td', { class: 'num' }, formatLatency(d.latencyMs)));
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

  cursors.push(null);
  // Door names first, so the first page already shows them.
  api('/api/doors', { signal: abort.signal })
    .then((doors) => {
      for (const d of doors ?? []) doorNames.set(d.id, d.name);
      door.append(...doorOptions(doors ?? []));
    })
    .catch(report)
    .finally(() => show(null).catch(report));

  return () => abort.abort();
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
