// Staff (hr, admin): search and page through people on the server (nothing loads everyone), create, enroll photos (files or webcam) with each one's verdict, grants with
// weekly schedules and validity, suspend / reactivate, erase with confirmation.
import { api, ApiError, query } from '../api.js';
import { session } from '../session.js';
import { h, fill, field, doorOptions, formatDateTime, reasonText, toast, confirmDialog } from '../ui.js';

const days = [['Mon', 1], ['Tue', 2], ['Wed', 3], ['Thu', 4], ['Fri', 5], ['Sat', 6], ['Sun', 0]];
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const path = (id) => `/api/staff/${encodeURIComponent(id)}`;
const pageSize = 50;
const searchDelayMs = 250; // typing waits this long before asking the server

export function mount(container) {
  const abort = new AbortController();
  const state = { people: [], doors: [], selected: null, results: null, camera: null, stopCamera: null };

  const search = h('input', { id: 'staff-search', type: 'search', placeholder: 'Name or id', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'staff-list' });
  const list = h('ul', { id: 'staff-list', class: 'staff-list', 'aria-label': 'Staff' });
  const previous = h('button', { type: 'button', id: 'staff-previous', class: 'secondary', disabled: true }, '← Previous');
  const next = h('button', { type: 'button', id: 'staff-next', class: 'secondary', disabled: true }, 'Next →');
  const count = h('span', { id: 'staff-count', role: 'status' });
  // Paging goes by cursor: each page's cursor is kept so Previous can go back.
  const listing = { cursors: [null], next: null, total: 0, request: 0, timer: 0 };
  // Not a live region: only the person's name is announced (focus moves to it), never the whole detail.
  const detail = h('section', { id: 'staff-detail', class: 'staff-detail', 'aria-label': 'Person' },
    h('p', { class: 'empty' }, 'Select a person, or create one.'));

  const newId = h('input', { id: 'new-staff-id', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}', autocomplete: 'off', spellcheck: 'false' });
  const newName = h('input', { id: 'new-staff-name', required: true, maxlength: 200, autocomplete: 'off' });
  const createForm = h('form', { id: 'create-staff', class: 'card' },
    h('h2', {}, 'New person'), field('Id', newId, 'letters, digits, . _ -'), field('Name', newName),
    h('button', { type: 'submit' }, 'Create'));

  fill(container,
    h('div', { class: 'page-head' }, h('h1', {}, 'Staff')),
    h('div', { class: 'staff-layout' },
      h('aside', { class: 'staff-side' }, field('Search', search, 'start of a name or id'), list,
        h('nav', { class: 'pager', 'aria-label': 'Pages of staff' }, previous, count, next), session.can('staff.write') ? createForm : null),
      detail));

  // ---- list and search -------------------------------------------------------------------------------------------
  function renderList() {
    const people = state.people;
    if (people.length === 0) {
      fill(list, h('li', { class: 'muted' }, search.value.trim() ? 'Nobody matches.' : 'Nobody yet.'));
    } else {
      fill(list, people.map((p) =>
        h('li', {},
          h('button', { type: 'button', class: 'link', 'aria-current': p.id === state.selected?.id ? 'true' : null, dataset: { staffId: p.id }, onclick: () => select(p.id) },
            h('span', { class: 'name' }, p.name ?? p.id), ' ', h('span', { class: 'muted' }, p.id),
            p.status === 'suspended' ? h('span', { class: 'badge denied' }, 'suspended') : null))));
    }
    const first = (listing.cursors.length - 1) * pageSize;
    count.textContent = people.length ? `${(first + 1).toLocaleString()}–${(first + people.length).toLocaleString()} of ${listing.total.toLocaleString()}` : '';
    previous.disabled = listing.cursors.length <= 1;
    next.disabled = !listing.next;
  }

  /** The current page of the people matching the search. The server searches (name words or id, any case or accent)
   *  and pages; an answer that arrives after a newer request is dropped. */
  async function loadList({ restart = false } = {}) {
    if (restart) listing.cursors = [null];
    const ticket = ++listing.request;
    const page = await api(`/api/staff${query({ q: search.value.trim(), limit: pageSize, cursor: listing.cursors.at(-1) })}`, { signal: abort.signal });
    if (ticket !== listing.request) return;
    state.people = page?.items ?? [];
    listing.next = page?.next ?? null;
    listing.total = page?.total ?? 0;
    renderList();
  }

  const reportError = (error) => abort.signal.aborted || toast(error.message, 'error');
  search.addEventListener('input', () => {
    clearTimeout(listing.timer);
    listing.timer = setTimeout(() => loadList({ restart: true }).catch(reportError), searchDelayMs);
  });
  next.addEventListener('click', () => {
    if (!listing.next) return;
    listing.cursors.push(listing.next);
    loadList().catch(reportError);
  });
  previous.addEventListener('click', () => {
    if (listing.cursors.length <= 1) return;
    listing.cursors.pop();
    loadList().catch(reportError);
  });

  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!createForm.reportValidity()) return;
    try {
      const created = await api('/api/staff', { method: 'POST', json: { id: newId.value.trim(), name: newName.value.trim() } });
      toast(`Created ${created?.name ?? newName.value}`);
      createForm.reset();
      await loadList();
      await select(created?.id ?? newId.value.trim());
    } catch (error) {
      toast(error.message, 'error');
    }
  });

  // ---- one person ------------------------------------------------------------------------------------------------
  async function select(id) {
    const person = await api(path(id), { signal: abort.signal }).catch((error) => {
      toast(error.message, 'error');
      return null;
    });
    if (!person) return;
    // Enrollment verdicts outlive the re-render that follows each upload, but not a change of person.
    if (state.selected?.id !== person.id) {
      state.stopCamera?.();
      state.results = h('ul', { id: 'enroll-results', class: 'enroll-results', 'aria-live': 'polite' });
      state.camera = h('div', { class: 'camera', id: 'camera' });
    }
    state.selected = person;
    const index = state.people.findIndex((p) => p.id === person.id);
    if (index >= 0) state.people[index] = person;
    // Re-rendering replaces the list's buttons: keep focus on the one that was chosen, not at the top of the page.
    const focusedInList = list.contains(document.activeElement);
    renderList();
    renderDetail();
    if (focusedInList) list.querySelector(`button[data-staff-id="${CSS.escape(person.id)}"]`)?.focus();
    if (location.hash !== `#/staff?id=${encodeURIComponent(person.id)}`) history.replaceState(null, '', `#/staff?id=${encodeURIComponent(person.id)}`);
  }

  async function refresh() {
    await select(state.selected.id);
  }

  function renderDetail() {
    const person = state.selected;
    const write = session.can('staff.write');
    const suspended = person.status === 'suspended';
    fill(detail,
      h('header', { class: 'person-head' },
        h('h2', { id: 'person-name' }, person.name), h('span', { class: 'muted' }, person.id),
        h('span', { id: 'person-status', class: `badge ${suspended ? 'denied' : 'granted'}` }, person.status),
        write ? h('span', { class: 'actions' },
          h('button', { type: 'button', id: 'toggle-status', class: 'secondary', onclick: () => setStatus(suspended ? 'active' : 'suspended') },
            suspended ? 'Reactivate' : 'Suspend'),
          h('button', { type: 'button', id: 'erase-person', class: 'danger', onclick: erase }, 'Erase…')) : null),
      facesSection(person, write),
      grantsSection(person, write));
  }

  async function setStatus(status) {
    try {
      await api(path(state.selected.id), { method: 'PATCH', json: { status } });
      toast(status === 'suspended' ? `${state.selected.name} is suspended` : `${state.selected.name} is active again`);
      await refresh();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  async function erase() {
    const person = state.selected;
    const sure = await confirmDialog(`Erase ${person.name}?`,
      `This removes ${person.name} (${person.id}) everywhere: profile, face templates and grants. The audit log keeps only the id. It cannot be undone.`,
      'Erase permanently');
    if (!sure) return;
    try {
      await api(path(person.id), { method: 'DELETE' });
      toast(`${person.name} was erased`);
      state.stopCamera?.();
      state.selected = null;
      fill(detail, h('p', { class: 'empty' }, 'Select a person, or create one.'));
      await loadList();
      search.focus();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  // ---- faces -----------------------------------------------------------------------------------------------------
  function facesSection(person, write) {
    const templates = person.templates ?? [];
    const results = state.results;
    const files = h('input', { id: 'enroll-files', type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: true });
    const camera = state.camera;
    const canUseCamera = Boolean(navigator.mediaDevices?.getUserMedia);

    files.addEventListener('change', async () => {
      const chosen = [...files.files];
      files.disabled = true;
      for (const file of chosen) await enroll(file, file.name, results);
      files.value = '';
      files.disabled = false;
      await refresh();
    });

    return h('section', { class: 'card', 'aria-labelledby': 'faces-title' },
      h('h3', { id: 'faces-title' }, `Faces (${templates.length})`),
      templates.length
        ? h('table', { class: 'compact', id: 'templates', tabindex: '0', 'aria-label': 'Faces' },
          h('thead', {}, h('tr', {}, ...['Enrolled', 'Face size', 'Sharpness', 'Brightness', 'Detection', 'Yaw'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, templates.map((t) => h('tr', {},
            h('td', {}, formatDateTime(t.enrolledAt)),
            h('td', { class: 'num' }, `${Math.round(t.quality?.sizePx ?? 0)} px`),
            h('td', { class: 'num' }, (t.quality?.sharpness ?? 0).toFixed(0)),
            h('td', { class: 'num' }, (t.quality?.brightness ?? 0).toFixed(2)),
            h('td', { class: 'num' }, (t.quality?.detectionScore ?? 0).toFixed(2)),
            h('td', { class: 'num' }, `${Math.round(t.quality?.yawDegrees ?? 0)}°`)))))
        : h('p', { class: 'muted' }, 'No face enrolled: this person cannot be recognised yet.'),
      write ? h('div', { class: 'enroll' },
        field('Enroll photos (JPEG, PNG or WebP; several at once)', files),
        canUseCamera ? h('button', { type: 'button', id: 'camera-start', class: 'secondary', onclick: () => startCamera(camera, results) }, 'Use webcam…') : null,
        camera,
        results,
        templates.length ? h('button', { type: 'button', id: 'remove-faces', class: 'secondary', onclick: removeFaces }, 'Remove all faces') : null) : null);
  }

  /** Posts one picture; the line it adds says whether it was kept, with its quality, or why not. */
  async function enroll(blob, label, results) {
    const line = h('li', { class: 'pending' }, `${label}: checking…`);
    results.append(line);
    try {
      const result = await api(`${path(state.selected.id)}/faces`, { method: 'POST', body: blob, contentType: blob.type || 'application/octet-stream' });
      const q = result?.template?.quality;
      line.className = 'accepted';
      fill(line, h('strong', {}, `${label}: accepted`),
        q ? ` (face ${Math.round(q.sizePx)} px, sharpness ${q.sharpness.toFixed(0)}, brightness ${q.brightness.toFixed(2)})` : '');
    } catch (error) {
      line.className = 'rejected';
      const reason = error instanceof ApiError ? error.reason : null;
      fill(line, h('strong', {}, `${label}: rejected${reason ? ` (${reasonText(reason)})` : ''}`), ` ${error.message}`);
    }
  }

  async function startCamera(box, results) {
    state.stopCamera?.();
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
    } catch (error) {
      fill(box, h('p', { class: 'error', role: 'alert' }, `Webcam unavailable: ${error.message || error.name}`));
      return;
    }
    const video = h('video', { autoplay: true, muted: true, playsinline: true, 'aria-label': 'Webcam preview' });
    video.srcObject = stream;
    const stop = () => {
      stream.getTracks().forEach((track) => track.stop());
      box.replaceChildren();
      state.stopCamera = null;
    };
    state.stopCamera = stop;
    const capture = async () => {
      const canvas = h('canvas', { width: video.videoWidth || 640, height: video.videoHeight || 480 });
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
      await enroll(blob, `webcam ${new Date().toLocaleTimeString()}`, results);
      await refresh();
    };
    fill(box, video, h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'camera-capture', onclick: capture }, 'Capture'),
      h('button', { type: 'button', class: 'secondary', onclick: stop }, 'Stop webcam')));
  }

  async function removeFaces() {
    const sure = await confirmDialog('Remove every face?', `${state.selected.name} will not be recognised until new photos are enrolled.`, 'Remove faces');
    if (!sure) return;
    try {
      await api(`${path(state.selected.id)}/faces`, { method: 'DELETE' });
      await refresh();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  // ---- grants ----------------------------------------------------------------------------------------------------
  function grantsSection(person, write) {
    const grants = person.grants ?? [];
    return h('section', { class: 'card', 'aria-labelledby': 'grants-title' },
      h('h3', { id: 'grants-title' }, 'Grants'),
      grants.length
        ? h('table', { class: 'compact', id: 'grants', tabindex: '0', 'aria-labelledby': 'grants-title' },
          h('thead', {}, h('tr', {}, ...['Door or zone', 'When', 'Valid', 'Uses', write ? 'Actions' : null].filter(Boolean).map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, grants.map((g) => h('tr', { dataset: { target: g.target, scope: g.scope } },
            h('td', {}, targetText(g.scope, g.target)),
            h('td', {}, scheduleText(g.terms?.schedule)),
            h('td', {}, validityText(g.terms)),
            h('td', { class: 'num' }, g.terms?.maxUses ? `${g.uses} / ${g.terms.maxUses}` : String(g.uses ?? 0)),
            write ? h('td', { class: 'actions' },
              h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${g.target}`, onclick: () => editGrant(g) }, 'Edit'),
              h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${g.target}`, onclick: () => revoke(g) }, 'Revoke')) : null))))
        : h('p', { class: 'muted' }, 'No grant: every door stays shut for this person.'),
      write ? grantEditor() : null);
  }

  function doorName(id) {
    const door = state.doors.find((d) => d.id === id);
    return door ? `${door.name} (${id})` : id;
  }

  let editor = null;

  function grantEditor() {
    const zones = [...new Set(state.doors.map((d) => d.zone).filter(Boolean))].sort();
    const target = h('select', { id: 'grant-target', required: true },
      h('option', { value: '' }, 'Choose a door or zone'),
      h('optgroup', { label: 'Doors' }, doorOptions(state.doors).map((option) => { option.value = `door:${option.value}`; return option; })),
      zones.length ? h('optgroup', { label: 'Zones (every door in it)' }, zones.map((zone) => h('option', { value: `zone:${zone}` }, `zone ${zone}`))) : null);
    const dayBoxes = days.map(([label, value]) => h('label', { class: 'day' },
      h('input', { type: 'checkbox', name: 'day', value: String(value) }), label));
    const scheduled = h('input', { id: 'grant-scheduled', type: 'checkbox' });
    // Several time windows a day (e.g. a morning and an afternoon shift), each a From–To row.
    const windows = h('div', { id: 'grant-windows', class: 'windows' });
    const addWindow = (from = '08:00', to = '18:00') => {
      const n = windows.children.length + 1;
      const start = h('input', { type: 'time', value: from, class: 'window-start', 'aria-label': `Window ${n} from` });
      const end = h('input', { type: 'time', value: to, class: 'window-end', 'aria-label': `Window ${n} to` });
      const row = h('div', { class: 'row window' }, start, h('span', {}, 'to'), end,
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove window ${n}`, onclick: () => {
          if (windows.children.length > 1) row.remove();
          windows.querySelector('input')?.focus();
        } }, 'Remove'));
      windows.append(row);
      return start;
    };
    addWindow();
    const setWindows = (list) => {
      windows.replaceChildren();
      (list.length ? list : [{ start: '08:00', end: '18:00' }]).forEach((w) => addWindow(w.start.slice(0, 5), w.end.slice(0, 5)));
    };
    const addButton = h('button', { type: 'button', id: 'grant-add-window', class: 'secondary', onclick: () => addWindow('13:00', '17:00').focus() }, 'Add window');
    const zone = timeZoneSelect('grant-tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
    const from = h('input', { id: 'grant-from', type: 'datetime-local' });
    const until = h('input', { id: 'grant-until', type: 'datetime-local' });
    const maxUses = h('input', { id: 'grant-max-uses', type: 'number', min: 1, step: 1 });
    const schedule = h('fieldset', { class: 'schedule', disabled: true },
      h('legend', {}, 'Weekly schedule'),
      h('div', { class: 'days', role: 'group', 'aria-label': 'Days' }, dayBoxes),
      h('div', { class: 'field' }, h('span', { class: 'field-label' }, 'Time windows'), windows, h('div', {}, addButton)),
      h('div', { class: 'row' }, field('Time zone', zone, 'the windows are in this zone')));
    scheduled.addEventListener('change', () => { schedule.disabled = !scheduled.checked; });

    const form = h('form', { id: 'grant-form', class: 'grant-form' },
      h('h4', {}, 'Grant access'),
      h('div', { class: 'row' }, field('Door or zone', target)),
      h('label', { class: 'inline' }, scheduled, ' Only on a weekly schedule (otherwise at any time)'),
      schedule,
      h('div', { class: 'row' }, field('Valid from', from), field('Valid until', until), field('Max uses (visitor pass)', maxUses)),
      h('button', { type: 'submit', id: 'grant-save' }, 'Save grant'));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!target.value) {
        target.focus();
        return toast('Choose a door or zone to grant.', 'error');
      }
      const checkedDays = [...form.querySelectorAll('input[name=day]:checked')].map((box) => Number(box.value));
      const body = {
        schedule: scheduled.checked
          ? {
            days: checkedDays,
            windows: [...windows.querySelectorAll('.window')].map((w) => ({
              start: `${w.querySelector('.window-start').value}:00`, end: `${w.querySelector('.window-end').value}:00`,
            })),
            timeZone: zone.value || null,
          }
          : null,
        validFrom: from.value ? new Date(from.value).toISOString() : null,
        validUntil: until.value ? new Date(until.value).toISOString() : null,
        maxUses: maxUses.value ? Number(maxUses.value) : null,
      };
      const [scope, name] = splitTarget(target.value);
      try {
        await api(grantPath(state.selected.id, scope, name), { method: 'PUT', json: body });
        toast(`Granted ${targetText(scope, name)} to ${state.selected.name}`);
        await refresh();
      } catch (error) {
        toast(error.message, 'error');
      }
    });

    editor = { form, target, scheduled, schedule, setWindows, zone, from, until, maxUses };
    return form;
  }

  const targetText = (scope, name) => (scope === 'zone' ? `zone ${name}` : doorName(name));

  /** Loads a grant into the editor, so changing its terms is the same form as granting it. */
  function editGrant(grant) {
    const e = editor;
    const terms = grant.terms ?? {};
    e.target.value = `${grant.scope}:${grant.target}`;
    e.scheduled.checked = Boolean(terms.schedule);
    e.schedule.disabled = !terms.schedule;
    const chosen = new Set((terms.schedule?.days ?? []).map(dayNumber));
    e.form.querySelectorAll('input[name=day]').forEach((box) => { box.checked = chosen.has(Number(box.value)); });
    e.setWindows(terms.schedule?.windows ?? []);
    if (terms.schedule?.timeZone) {
      // A zone the browser does not list still shows, so saving never changes it silently.
      if (![...e.zone.options].some((o) => o.value === terms.schedule.timeZone)) e.zone.append(h('option', { value: terms.schedule.timeZone }, terms.schedule.timeZone));
      e.zone.value = terms.schedule.timeZone;
    }
    e.from.value = localInput(terms.validFrom);
    e.until.value = localInput(terms.validUntil);
    e.maxUses.value = terms.maxUses ?? '';
    e.target.focus();
  }

  async function revoke(grant) {
    try {
      await api(grantPath(state.selected.id, grant.scope, grant.target), { method: 'DELETE' });
      toast(`Revoked ${targetText(grant.scope, grant.target)} from ${state.selected.name}`);
      await refresh();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  // ---- start -----------------------------------------------------------------------------------------------------
  (async () => {
    state.doors = (await api('/api/doors', { signal: abort.signal })) ?? [];
    await loadList();
    const wanted = new URLSearchParams(location.hash.split('?')[1] ?? '').get('id');
    if (wanted) await select(wanted);
  })().catch((error) => abort.signal.aborted || toast(error.message, 'error'));

  return () => {
    abort.abort();
    clearTimeout(listing.timer);
    state.stopCamera?.();
  };
}

/** Every IANA time zone the browser knows, UTC first, the browser's own selected. */
function timeZoneSelect(id, selected) {
  const zones = ['UTC', ...(Intl.supportedValuesOf?.('timeZone') ?? [selected]).filter((z) => z !== 'UTC')];
  return h('select', { id }, zones.map((z) => h('option', { value: z, selected: z === selected }, z)));
}

/** Door grants live under /grants/{doorId}, zone grants under /zones/{zone}. */
function grantPath(staffId, scope, name) {
  return `${path(staffId)}/${scope === 'zone' ? 'zones' : 'grants'}/${encodeURIComponent(name)}`;
}

/** "door:front" → ['door', 'front']. */
function splitTarget(value) {
  const colon = value.indexOf(':');
  return [value.slice(0, colon), value.slice(colon + 1)];
}

// Days arrive as numbers (0 = Sunday) or as names, depending on the server's enum settings.
function dayNumber(day) {
  if (typeof day === 'number') return day;
  const index = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf(String(day).toLowerCase());
  return index;
}

function scheduleText(schedule) {
  if (!schedule) return 'any time';
  const dayList = (schedule.days ?? []).map(dayNumber);
  const dayText = dayList.length === 0 || dayList.length === 7 ? 'every day' : dayList.map((d) => dayNames[d]).join(', ');
  const windows = (schedule.windows ?? []).map((w) => `${w.start.slice(0, 5)}–${w.end.slice(0, 5)}`).join(', ') || 'all day';
  return `${dayText}, ${windows}${schedule.timeZone ? ` (${schedule.timeZone})` : ' (UTC)'}`;
}

function validityText(terms) {
  if (!terms?.validFrom && !terms?.validUntil) return 'always';
  return [terms.validFrom ? `from ${formatDateTime(terms.validFrom)}` : null, terms.validUntil ? `until ${formatDateTime(terms.validUntil)}` : null]
    .filter(Boolean).join(' ');
}

/** An ISO instant as the value of a datetime-local input (local time, minutes). */
function localInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

