// Keys (admin): every API key with what it is, whom it is for, who made it and when it was last used; create a key
// for a role (a reader key for one door) and see its secret exactly once; revoke a key, which closes its live
// connections on every node at once.
import { api } from '../api.js';
import { h, fill, field, doorOptions, formatDateTime, toast, confirmThenRemove } from '../ui.js';

const roles = ['guard', 'hr', 'reader', 'admin'];

export function mount(container) {
  const abort = new AbortController();

  const label = h('input', { id: 'key-label', required: true, maxlength: 100, autocomplete: 'off', placeholder: 'Front door reader' });
  const owner = h('input', { id: 'key-owner', required: true, maxlength: 100, autocomplete: 'off', placeholder: 'Facilities team' });
  const role = h('select', { id: 'key-role' }, roles.map((r) => h('option', { value: r }, r)));
  const door = h('select', { id: 'key-door', disabled: true });
  const doorField = field('Door', door, 'reader keys only');
  const form = h('form', { id: 'create-key', class: 'card' },
    h('h2', {}, 'New key'),
    h('div', { class: 'row' }, field('Label', label), field('Owner', owner, 'who it is for'), field('Role', role), doorField),
    h('div', {}, h('button', { type: 'submit' }, 'Create key')));
  const secret = h('section', { id: 'new-key', 'aria-live': 'polite' });
  const rows = h('tbody', { id: 'key-rows' });
  const table = h('table', { class: 'compact', id: 'keys-table', tabindex: '0', 'aria-label': 'Keys' },
    h('thead', {}, h('tr', {}, ['Label', 'Owner', 'Role', 'Door', 'Created by', 'Created', 'Last used', ''].map((t) => h('th', { scope: 'col' }, t)))),
    rows);

  fill(container, h('div', { class: 'page-head' }, h('h1', {}, 'Keys')), form, secret, table);

  role.addEventListener('change', () => { door.disabled = role.value !== 'reader'; });

  async function loadDoors() {
    const doors = (await api('/api/doors', { signal: abort.signal })) ?? [];
    fill(door, doorOptions(doors));
    if (doors.length === 0) fill(door, h('option', { value: '' }, 'no doors yet'));
  }

  async function loadKeys() {
    const keys = (await api('/api/keys', { signal: abort.signal })) ?? [];
    fill(rows, keys.length === 0 ? h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No keys.')) : keys.map(row));
  }

  function row(key) {
    const by = key.createdBy;
    const creator = !by ? '—' : by.keyId === 'system' ? 'system' : `${by.label} (${by.keyId})`;
    return h('tr', { dataset: { keyId: key.keyId } },
      h('td', {}, h('strong', {}, key.label || '—'), ' ', h('span', { class: 'muted' }, key.keyId)),
      h('td', {}, key.owner || '—'),
      h('td', {}, key.role),
      h('td', {}, key.doorId ?? '—'),
      h('td', {}, creator),
      h('td', {}, formatDateTime(key.createdAt)),
      h('td', { class: 'last-used' }, key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'),
      h('td', {}, h('button', { type: 'button', class: 'danger', dataset: { revoke: key.keyId }, onclick: () => revoke(key) }, 'Revoke…')));
  }

  function revoke(key) {
    return confirmThenRemove({
      title: `Revoke ${key.label || key.keyId}?`,
      message: `The ${key.role} key ${key.keyId} for ${key.owner || 'nobody'} stops working at once, and its open dashboards are signed out. It cannot be undone.`,
      confirmLabel: 'Revoke',
      remove: () => api(`/api/keys/${encodeURIComponent(key.keyId)}`, { method: 'DELETE' }),
      done: `Key ${key.label || key.keyId} revoked`,
      reload: loadKeys,
      focus: table,
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const reader = role.value === 'reader';
    if (reader && !door.value) return toast('A reader key needs a door.', 'error');
    try {
      const created = await api('/api/keys', {
        method: 'POST',
        json: { role: role.value, doorId: reader ? door.value : null, label: label.value.trim(), owner: owner.value.trim() },
      });
      showSecret(created);
      form.reset();
      door.disabled = true;
      await loadKeys();
    } catch (error) {
      toast(error.message, 'error');
    }
  });

  /** The secret exists only in this answer: shown once, never stored by the page, gone when dismissed. */
  function showSecret(created) {
    const value = h('input', { id: 'new-key-secret', readonly: true, value: created.key, spellcheck: 'false', class: 'secret' });
    fill(secret, h('div', { class: 'card secret-card', role: 'status' },
      h('h2', {}, `Key for ${created.label}`),
      h('p', {}, 'Copy it now: it is shown this once and cannot be read back. Give it to ', h('strong', {}, created.owner), '.'),
      value,
      h('div', {}, h('button', { type: 'button', class: 'secondary', onclick: () => { fill(secret); label.focus(); } }, 'Done, hide it'))));
    value.focus();
    value.select();
  }

  Promise.all([loadDoors(), loadKeys()]).catch((error) => {
    if (!abort.signal.aborted) toast(`Keys: ${error.message}`, 'error');
  });

  return () => {
    abort.abort();
    fill(secret);
  };
}
