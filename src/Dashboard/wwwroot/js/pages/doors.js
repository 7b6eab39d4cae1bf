// Doors: one tile per door with its last decision, its rate and its alarm state. Admin and HR also create, edit
// (name, zone, mode, liveness policy) and delete doors here; admins issue and revoke each door's reader keys.
// A tile turns to alarm when the door sees several denials (unknown faces included) within a minute, or when its
// requests are refused by the rate limit (hammered), and calms down by itself once the minute passes.
// The silo keeps the counts (every decision reaches it through the relay); the page applies live decisions between
// two snapshots so a tile reacts at once, and each snapshot corrects whatever the page cannot know by itself.
import { api } from '../api.js';
import { feed } from '../feed.js';
import { session } from '../session.js';
import { alarms, openAlarms, alarmKindText } from '../alarms.js';
import { h, fill, field, formatTime, formatDateTime, reasonText, personName, outcomeBadge, toast, confirmDialog, formDialog } from '../ui.js';

const snapshotEvery = 5000;
const modes = ['both', 'identify', 'verify'];
const livenessPolicies = {
  passive: 'passive (one frame scored)',
  active: 'active (a burst with a blink)',
  off: 'off (photos are not caught)',
};

export function mount(container) {
  const tiles = new Map();   // doorId → { info, summary, tile, status, head, warning }
  const writer = session.can('doors.write');
  const keyAdmin = session.can('keys');
  let rule = { alarmThreshold: 3, alarmWindowSeconds: 60 };
  // The liveness policy is shown only when the API reports one for doors (older silos do not).
  let livenessKnown = false;
  const hint = h('p', { class: 'hint' });
  const grid = h('div', { class: 'door-grid', id: 'door-grid' });
  const createForm = writer ? newDoorForm() : null;
  fill(container, h('div', { class: 'page-head' }, h('h1', {}, 'Doors'), hint), createForm?.form, grid);

  function entry(id) {
    if (!tiles.has(id)) {
      grid.querySelector('.empty')?.remove();
      const head = h('header', {});
      const warning = h('p', { class: 'liveness-warning', hidden: true });
      const status = h('div', { class: 'door-status' });
      const tile = h('section', { class: 'door-tile', tabindex: '0', dataset: { doorId: id } }, head, warning, status,
        writer ? doorActions(id) : null);
      const item = { info: { id, name: id, zone: '', mode: '' }, summary: emptySummary(id), tile, status, head, warning, shown: '' };
      tiles.set(id, item);
      grid.append(tile);
    }
    return tiles.get(id);
  }

  function doorActions(id) {
    return h('div', { class: 'actions tile-actions' },
      h('button', { type: 'button', class: 'secondary', dataset: { edit: id }, onclick: () => edit(id) }, 'Edit…'),
      keyAdmin ? h('button', { type: 'button', class: 'secondary', dataset: { keys: id }, onclick: () => readerKeys(id) }, 'Reader keys…') : null,
      h('button', { type: 'button', class: 'danger', dataset: { delete: id }, onclick: () => remove(id) }, 'Delete…'));
  }

  function renderInfo({ info, head, warning, tile }) {
    const meta = [info.zone, info.mode, info.liveness ? `liveness ${info.liveness}` : null, info.snapshots ? 'snapshots kept' : null].filter(Boolean).join(' · ');
    fill(head, h('h2', {}, info.name), h('span', { class: 'zone' }, meta));
    warning.hidden = info.liveness !== 'off';
    warning.textContent = info.liveness === 'off' ? 'Liveness is off: a printed photo or a phone screen can open this door.' : '';
    tile.dataset.liveness = info.liveness ?? '';
  }

  function render(item) {
    const { info, summary, tile, status } = item;
    const windowMs = rule.alarmWindowSeconds * 1000;
    const recent = summary.recentDenials.filter((t) => Date.now() - Date.parse(t) < windowMs);
    const hammered = summary.rateLimited > 0 && Date.now() - Date.parse(summary.lastRateLimited) < windowMs;
    const raised = openAlarms().filter((a) => a.doorId === info.id);
    const alarm = recent.length >= rule.alarmThreshold || hammered || raised.length > 0;
    const last = summary.last;
    const perMinute = (summary.granted + summary.denied) / 60;
    tile.classList.toggle('alarm', alarm);
    tile.dataset.alarm = String(alarm);
    tile.dataset.hammered = String(hammered);
    tile.setAttribute('aria-label', `${info.name}${alarm ? ', alarm' : ''}`);

    // Nothing here is a live region: the shell announces each new alarm once, whatever page is open.
    const view = [
      ...raised.map((a) => h('p', { class: 'alarm-text raised', dataset: { alarmId: a.id } },
        `${a.severity}: ${alarmKindText(a.kind)} (${a.count}×), not acknowledged`)),
      recent.length >= rule.alarmThreshold ? h('p', { class: 'alarm-text' }, `Alarm: ${recent.length} denials in the last minute`) : null,
      hammered ? h('p', { class: 'alarm-text hammered' }, `Hammered: ${summary.rateLimited} requests rate-limited in the last minute`) : null,
      alarm ? null : h('p', { class: 'alarm-state muted' }, 'No alarm'),
      last
        ? h('p', { class: 'last' },
          h('time', { datetime: last.timestamp }, formatTime(last.timestamp)), h('strong', { class: 'person' }, personName(last)),
          outcomeBadge(last), h('span', { class: 'reason' }, reasonText(last.reason)))
        : h('p', { class: 'last muted' }, 'No decision in the last hour'),
      h('dl', { class: 'counters' },
        h('div', {}, h('dt', {}, 'Granted'), h('dd', { dataset: { counter: 'granted' } }, summary.granted)),
        h('div', {}, h('dt', {}, 'Denied'), h('dd', { dataset: { counter: 'denied' } }, summary.denied)),
        h('div', {}, h('dt', {}, 'Unknown'), h('dd', { dataset: { counter: 'unknown' } }, summary.unknown)),
        h('div', {}, h('dt', {}, 'Rate'), h('dd', { dataset: { counter: 'rate' } }, `${perMinute.toFixed(1)}/min`))),
      h('small', { class: 'muted' }, 'last hour')];
    // Only touch the DOM when something visible changed, so nothing flickers or is re-read by a screen reader.
    const shown = view.filter(Boolean).map((node) => node.textContent).join('|');
    if (shown !== item.shown) {
      item.shown = shown;
      fill(status, view);
    }
  }

  /** A live decision, counted at once; the next snapshot has the authoritative numbers. */
  function apply(d) {
    const { summary } = entry(d.doorId);
    if (!summary.last || Date.parse(d.timestamp) >= Date.parse(summary.last.timestamp)) summary.last = d;
    if (d.decision === 'granted') summary.granted++;
    else {
      summary.denied++;
      if (d.reason !== 'no_face') summary.recentDenials.push(d.timestamp);
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
    hint.textContent = `A door turns to alarm at ${board.alarmThreshold} or more denials (empty scenes excepted) within a minute,`
      + ' when its requests are rate-limited (hammered), or while it has an open alarm.'
      + (board.historyLoaded ? '' : ' Still reading the last hour…');
    for (const summary of board.doors) {
      if (tiles.has(summary.doorId)) tiles.get(summary.doorId).summary = summary;
    }
    tiles.forEach(render);
  }

  async function loadDoors() {
    const doors = (await api('/api/doors', { signal: abort.signal })) ?? [];
    livenessKnown = doors.some((door) => 'liveness' in door);
    createForm?.showLiveness(livenessKnown);
    const current = new Set(doors.map((door) => door.id));
    for (const [id, item] of tiles) {
      if (!current.has(id)) {
        item.tile.remove();
        tiles.delete(id);
      }
    }
    for (const info of doors) {
      const item = entry(info.id);
      item.info = info;
      renderInfo(item);
    }
    if (tiles.size === 0 && !grid.querySelector('.empty')) {
      grid.append(h('p', { class: 'empty' }, writer ? 'No doors yet. Create the first one above.' : 'No doors yet. An admin or HR creates them.'));
    }
  }

  /** Create: the id is permanent (readers and keys refer to it); name, zone, mode and liveness can change later. */
  function newDoorForm() {
    const id = h('input', { id: 'door-id', required: true, maxlength: 64, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}', autocomplete: 'off', placeholder: 'side-door' });
    const name = h('input', { id: 'door-name', required: true, maxlength: 200, autocomplete: 'off', placeholder: 'Side door' });
    const zone = h('input', { id: 'door-zone', required: true, maxlength: 64, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}', autocomplete: 'off', placeholder: 'lobby' });
    const mode = modeSelect('door-mode', 'both');
    const liveness = livenessSelect('door-liveness', 'passive');
    const livenessField = field('Liveness', liveness, 'off lets photos in');
    livenessField.hidden = true;
    const form = h('form', { id: 'create-door', class: 'card' },
      h('h2', {}, 'New door'),
      h('div', { class: 'row' },
        field('Id', id, 'letters, digits, . _ -; cannot change'), field('Name', name), field('Zone', zone, 'grants can cover a zone'),
        field('Mode', mode), livenessField),
      h('div', {}, h('button', { type: 'submit', id: 'create-door-submit' }, 'Create door')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      const body = { id: id.value.trim(), name: name.value.trim(), zone: zone.value.trim(), mode: mode.value };
      if (!livenessField.hidden) body.liveness = liveness.value;
      try {
        const created = await api('/api/doors', { method: 'POST', json: body });
        toast(`Door ${created.name} created`);
        form.reset();
        await loadDoors();
        await snapshot();
        id.focus();
      } catch (error) {
        toast(error.message, 'error');
      }
    });
    return { form, showLiveness: (known) => { livenessField.hidden = !known; } };
  }

  async function edit(id) {
    const { info } = tiles.get(id);
    const name = h('input', { id: 'edit-door-name', required: true, maxlength: 200, value: info.name });
    const zone = h('input', { id: 'edit-door-zone', required: true, maxlength: 64, value: info.zone });
    const mode = modeSelect('edit-door-mode', info.mode);
    const hasLiveness = 'liveness' in info;
    const liveness = livenessSelect('edit-door-liveness', info.liveness ?? 'passive');
    // Consent to keep pictures is its own switch (off by default), sent only when it changes.
    const snapshots = h('input', { id: 'edit-door-snapshots', type: 'checkbox', checked: Boolean(info.snapshots) });
    const saved = await formDialog(`Edit ${info.name}`,
      [field('Name', name), field('Zone', zone), field('Mode', mode), hasLiveness ? field('Liveness', liveness, 'off lets photos in') : null,
        field('Keep snapshots of denied faces', snapshots, 'guards see them on Live and Events; deleted after the retention (7 days by default)')],
      'Save', async () => {
        const body = { name: name.value.trim(), zone: zone.value.trim(), mode: mode.value };
        if (hasLiveness) body.liveness = liveness.value;
        const door = await api(`/api/doors/${encodeURIComponent(id)}`, { method: 'PUT', json: body });
        if (snapshots.checked === Boolean(door.snapshots)) return door;
        return api(`/api/doors/${encodeURIComponent(id)}/snapshots`, { method: 'PUT', json: { enabled: snapshots.checked } });
      });
    if (!saved) return;
    const item = tiles.get(id);
    if (!item) return;
    item.info = saved;
    renderInfo(item);
    toast(`Door ${saved.name} saved`);
  }

  async function remove(id) {
    const { info, tile } = tiles.get(id);
    const sure = await confirmDialog(`Delete ${info.name}?`,
      `The door ${info.id} stops answering at once; its readers get unknown_door. Its reader keys are revoked with it; its audit history stays.`,
      'Delete');
    if (!sure) return;
    try {
      await api(`/api/doors/${encodeURIComponent(id)}`, { method: 'DELETE' });
      // Focus moves to the neighbouring tile (or the form), never to the top of the page.
      const next = tile.nextElementSibling ?? tile.previousElementSibling;
      tile.remove();
      tiles.delete(id);
      toast(`Door ${info.name} deleted`);
      (next ?? createForm?.form.querySelector('input'))?.focus();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  /** The door's reader keys: list, issue (secret shown once, inside the dialog) and revoke. */
  async function readerKeys(id) {
    const { info } = tiles.get(id);
    const rows = h('ul', { class: 'key-list', id: 'door-key-list' });
    const secret = h('div', { id: 'door-new-key', 'aria-live': 'polite' });
    const label = h('input', { id: 'door-key-label', required: true, maxlength: 100, autocomplete: 'off', value: `${info.name} reader` });
    const owner = h('input', { id: 'door-key-owner', required: true, maxlength: 100, autocomplete: 'off', placeholder: 'Facilities team' });
    const form = h('form', { class: 'row', id: 'door-key-form' }, field('Label', label), field('Owner', owner, 'who installs the reader'),
      h('button', { type: 'submit' }, 'Issue key'));
    const dialog = h('dialog', { class: 'confirm keys-dialog', 'aria-labelledby': 'door-keys-title' },
      h('h2', { id: 'door-keys-title' }, `Reader keys for ${info.name}`), rows, form, secret,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Close')));

    async function load() {
      const keys = ((await api('/api/keys')) ?? []).filter((key) => key.role === 'reader' && key.doorId === id);
      fill(rows, keys.length === 0 ? h('li', { class: 'muted' }, 'No reader key for this door.') : keys.map((key) =>
        h('li', { dataset: { keyId: key.keyId } },
          h('span', {}, h('strong', {}, key.label || key.keyId), ' ', h('span', { class: 'muted' }, `${key.owner || '—'} · `,
            key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt)}` : 'never used')),
          h('button', { type: 'button', class: 'danger', dataset: { revoke: key.keyId }, onclick: () => revoke(key) }, 'Revoke'))));
    }

    async function revoke(key) {
      try {
        await api(`/api/keys/${encodeURIComponent(key.keyId)}`, { method: 'DELETE' });
        toast(`Key ${key.label || key.keyId} revoked`);
        await load();
        label.focus();
      } catch (error) {
        toast(error.message, 'error');
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      try {
        const created = await api('/api/keys', {
          method: 'POST', json: { role: 'reader', doorId: id, label: label.value.trim(), owner: owner.value.trim() },
        });
        const value = h('input', { id: 'door-new-key-secret', readonly: true, value: created.key, spellcheck: 'false', class: 'secret', 'aria-label': 'New reader key' });
        fill(secret, h('p', {}, 'Copy it now: it is shown this once and cannot be read back.'), value);
        await load();
        value.focus();
        value.select();
      } catch (error) {
        toast(error.message, 'error');
      }
    });
    // The secret lives only in this dialog: closing it forgets it.
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    await load().catch((error) => toast(error.message, 'error'));
  }

  const onAlarms = () => tiles.forEach(render);
  feed.addEventListener('decisions', onDecisions);
  alarms.addEventListener('change', onAlarms);
  const timer = setInterval(() => snapshot().catch(report), snapshotEvery);

  (async () => {
    await loadDoors();
    await snapshot();
  })().catch(report);

  function report(error) {
    if (!abort.signal.aborted) toast(`Doors: ${error.message}`, 'error');
  }

  return () => {
    abort.abort();
    clearInterval(timer);
    feed.removeEventListener('decisions', onDecisions);
    alarms.removeEventListener('change', onAlarms);
  };
}

function modeSelect(id, value) {
  return h('select', { id }, modes.map((m) => h('option', { value: m, selected: m === value }, m)));
}

function livenessSelect(id, value) {
  return h('select', { id }, Object.entries(livenessPolicies).map(([policy, text]) => h('option', { value: policy, selected: policy === value }, text)));
}

function emptySummary(doorId) {
  return { doorId, last: null, granted: 0, denied: 0, unknown: 0, recentDenials: [], rateLimited: 0, lastRateLimited: null, alarm: false };
}
