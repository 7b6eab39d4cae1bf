// Webhooks (admin): register a receiver for decisions, alarms and/or changes and see its signing secret exactly once;
// list them, send a signed test ping, read a webhook's recent delivery attempts, delete one.
import { api } from '../api.js';
import { h, fill, field, formatDateTime, formatLatency, toast, confirmThenRemove } from '../ui.js';

const kinds = [
  ['decision', 'Decisions'],
  ['alarm', 'Alarms'],
  ['change', 'Changes'],
];

export function mount(container) {
  const abort = new AbortController();

  const url = h('input', { id: 'webhook-url', type: 'url', required: true, maxlength: 2000, autocomplete: 'off', spellcheck: 'false',
    placeholder: 'http://127.0.0.1:9000/accessgrid' });
  const label = h('input', { id: 'webhook-label', maxlength: 100, autocomplete: 'off', placeholder: 'Building management' });
  const boxes = kinds.map(([value, text]) => {
    const box = h('input', { type: 'checkbox', id: `webhook-event-${value}`, value, defaultChecked: value === 'alarm' });
    return { box, item: h('label', { class: 'day', for: box.id }, box, text) };
  });
  const form = h('form', { id: 'create-webhook', class: 'card' },
    h('h2', {}, 'New webhook'),
    h('p', { class: 'muted' }, 'Receivers on this machine (loopback) work at once; other hosts only when an operator lists them in AccessGrid:Webhooks:AllowedHosts.'),
    h('div', { class: 'row' }, field('URL', url), field('Label', label, 'what it is for')),
    h('fieldset', { class: 'schedule' }, h('legend', { class: 'field-label' }, 'Events'), h('div', { class: 'days' }, boxes.map((b) => b.item))),
    h('div', {}, h('button', { type: 'submit' }, 'Add webhook')));
  const secret = h('section', { id: 'new-webhook', 'aria-live': 'polite' });
  const rows = h('tbody', { id: 'webhook-rows' });
  const table = h('table', { class: 'compact', id: 'webhooks-table', tabindex: '0', 'aria-label': 'Webhooks' },
    h('thead', {}, h('tr', {}, ['Label', 'URL', 'Events', 'Created by', 'Created', ''].map((t) => h('th', { scope: 'col' }, t)))),
    rows);
  const deliveries = h('section', { id: 'webhook-deliveries', 'aria-labelledby': 'deliveries-title' });
  let shown = null;

  fill(container, h('div', { class: 'page-head' }, h('h1', {}, 'Webhooks')), form, secret, table, deliveries);

  async function loadWebhooks() {
    const webhooks = (await api('/api/webhooks', { signal: abort.signal })) ?? [];
    fill(rows, webhooks.length === 0 ? h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No webhooks.')) : webhooks.map(row));
    if (shown && !webhooks.some((w) => w.id === shown.id)) {
      shown = null;
      fill(deliveries);
    }
  }

  function row(webhook) {
    const by = webhook.createdBy;
    return h('tr', { dataset: { webhookId: webhook.id } },
      h('td', {}, h('strong', {}, webhook.label), ' ', h('span', { class: 'muted' }, webhook.id)),
      h('td', { class: 'url' }, webhook.url),
      h('td', {}, webhook.events.join(', ')),
      h('td', {}, by.keyId === 'system' ? 'system' : `${by.label} (${by.keyId})`),
      h('td', {}, formatDateTime(webhook.createdAt)),
      h('td', {}, h('span', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', dataset: { deliveries: webhook.id }, 'aria-label': `Deliveries of ${webhook.label}`,
          onclick: () => showDeliveries(webhook) }, 'Deliveries'),
        h('button', { type: 'button', class: 'secondary', dataset: { ping: webhook.id }, 'aria-label': `Send a test ping to ${webhook.label}`,
          onclick: () => ping(webhook) }, 'Test'),
        h('button', { type: 'button', class: 'danger', dataset: { delete: webhook.id }, 'aria-label': `Delete ${webhook.label}`,
          onclick: () => remove(webhook) }, 'Delete…'))));
  }

  async function showDeliveries(webhook) {
    shown = webhook;
    const attempts = (await api(`/api/webhooks/${encodeURIComponent(webhook.id)}/deliveries?limit=50`, { signal: abort.signal })) ?? [];
    const body = attempts.length === 0
      ? h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No deliveries yet.'))
      : attempts.map((a) => h('tr', { dataset: { outcome: a.outcome } },
        h('td', {}, formatDateTime(a.at)),
        h('td', {}, a.event),
        h('td', {}, String(a.attempt)),
        h('td', {}, h('span', { class: `badge ${a.outcome === 'delivered' ? 'granted' : 'denied'}` }, a.outcome)),
        h('td', {}, a.statusCode ?? '—'),
        h('td', {}, formatLatency(a.latencyMs)),
        h('td', {}, a.error ?? '')));
    fill(deliveries,
      h('h2', { id: 'deliveries-title' }, `Deliveries of ${webhook.label}`),
      h('table', { class: 'compact', id: 'delivery-rows', tabindex: '0', 'aria-labelledby': 'deliveries-title' },
        h('thead', {}, h('tr', {}, ['Time', 'Event', 'Attempt', 'Outcome', 'Status', 'Latency', 'Error'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, body)));
  }

  async function ping(webhook) {
    try {
      const attempt = await api(`/api/webhooks/${encodeURIComponent(webhook.id)}/ping`, { method: 'POST' });
      if (attempt.outcome === 'delivered') toast(`${webhook.label}: test delivered (HTTP ${attempt.statusCode}, ${formatLatency(attempt.latencyMs)})`);
      else toast(`${webhook.label}: test ${attempt.outcome}: ${attempt.error ?? ''}`, 'error');
      // The button keeps focus; the log below shows the new attempt.
      await showDeliveries(webhook);
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  function remove(webhook) {
    return confirmThenRemove({
      title: `Delete ${webhook.label}?`,
      message: `${webhook.url} stops receiving ${webhook.events.join(', ')} events at once, and its delivery log is deleted.`,
      confirmLabel: 'Delete',
      remove: () => api(`/api/webhooks/${encodeURIComponent(webhook.id)}`, { method: 'DELETE' }),
      done: `Webhook ${webhook.label} deleted`,
      reload: loadWebhooks,
      focus: table,
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const events = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    if (events.length === 0) {
      boxes[0].box.focus();
      return toast('Choose at least one kind of event.', 'error');
    }
    try {
      const created = await api('/api/webhooks', { method: 'POST', json: { url: url.value.trim(), events, label: label.value.trim() || null } });
      showSecret(created);
      form.reset();
      await loadWebhooks();
    } catch (error) {
      toast(error.message, 'error');
      url.focus();
    }
  });

  /** The secret exists only in this answer: shown once, never stored by the page, gone when dismissed. */
  function showSecret(created) {
    const value = h('input', { id: 'new-webhook-secret', readonly: true, value: created.secret, spellcheck: 'false', class: 'secret',
      'aria-label': 'Signing secret' });
    fill(secret, h('div', { class: 'card secret-card', role: 'status' },
      h('h2', {}, `Signing secret for ${created.label}`),
      h('p', {}, 'Copy it into the receiver now: it is shown this once. The receiver checks X-AccessGrid-Signature with it (docs/api.md, "Webhooks").'),
      value,
      h('div', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { fill(secret); url.focus(); } }, 'Done, hide it'))));
    value.focus();
    value.select();
  }

  loadWebhooks().catch((error) => {
    if (!abort.signal.aborted) toast(`Webhooks: ${error.message}`, 'error');
  });

  return () => {
    abort.abort();
    fill(secret);
  };
}
