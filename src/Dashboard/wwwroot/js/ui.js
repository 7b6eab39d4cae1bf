// Small DOM and formatting helpers shared by the pages. Text always goes through textContent, never innerHTML.
import { session } from './session.js';

/** Creates an element: h('button', { type: 'button', onclick }, 'Save'). Null/false children are skipped. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces every child of an element. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

export const formatTime = (iso) => (iso ? timeFormat.format(new Date(iso)) : '');
export const formatDateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '');
export const formatDistance = (d) => (d === null || d === undefined ? '—' : Number(d).toFixed(3));
export const formatLatency = (ms) => (ms === null || ms === undefined ? '—' : `${Math.round(ms)} ms`);
export const reasonText = (reason) => (reason ?? '').replaceAll('_', ' ');
// A failed 1:1 claim names the person the face was checked against, never as if the face had been recognised.
const claimReasons = new Set(['not_claimed_person', 'not_enrolled']);
export const personName = (decision) => (claimReasons.has(decision.reason) && decision.staffId
  ? `claimed: ${decision.name || decision.staffId}`
  : decision.name || decision.staffId || 'Unknown');

/** A person's name as a deep link to their Staff page, for those who may open it; plain text otherwise. */
export function personLink(staffId, text) {
  if (!staffId || !session.can('staff')) return text;
  return h('a', { href: `#/staff?id=${encodeURIComponent(staffId)}` }, text);
}

/**
 * A face picture from the API (a decision snapshot or an enrollment thumbnail): fetched with the session's key (an
 * <img src> could not send it) and never cached, shown from a blob URL. A picture that is gone (expired, erased,
 * deleted) becomes the words "picture deleted", so a row never shows a broken image.
 */
export function facePicture(url, alt) {
  const img = h('img', { class: 'face', alt, width: 48, height: 48, decoding: 'async' });
  fetch(url, { headers: { 'X-Api-Key': session.key }, cache: 'no-store' })
    .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
    .then((blob) => {
      const local = URL.createObjectURL(blob);
      img.addEventListener('load', () => URL.revokeObjectURL(local), { once: true });
      img.src = local;
    })
    .catch(() => img.replaceWith(h('span', { class: 'face gone muted' }, 'picture deleted')));
  return img;
}

/** The snapshot of a denied decision, when the door kept one. */
export function snapshotPicture(decision, doorName) {
  if (!decision.snapshotId) return null;
  return facePicture(`/api/events/${encodeURIComponent(decision.snapshotId)}/snapshot`,
    `Face at ${doorName}, ${formatTime(decision.timestamp)}: ${personName(decision)}`);
}

/** The outcome as a badge: colour plus a word, so it never relies on colour alone. */
export function outcomeBadge(decision) {
  const granted = decision.decision === 'granted';
  return h('span', { class: `badge ${granted ? 'granted' : 'denied'}` }, granted ? 'granted' : 'denied');
}

/** A short message in the polite live region; errors stay longer. */
export function toast(message, kind = 'info') {
  const item = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  document.getElementById('toasts').append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** A labelled form control: label + control, associated through the control's id. */
export function field(labelText, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

/** Options for a door <select>, with an optional leading "all" entry. */
export function doorOptions(doors, allLabel) {
  const options = doors.map((door) => h('option', { value: door.id }, door.name ? `${door.name} (${door.id})` : door.id));
  return allLabel ? [h('option', { value: '' }, allLabel), ...options] : options;
}

/** Asks a yes/no question in a modal <dialog>, which keeps focus inside it; resolves true on confirm. */
export function confirmDialog(title, message, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', {}, message),
      h('form', { method: 'dialog', class: 'actions' },
        h('button', { value: 'cancel', class: 'secondary', autofocus: true }, 'Cancel'),
        h('button', { value: 'confirm', class: 'danger' }, confirmLabel)));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'confirm');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * A modal <dialog> holding a form: resolves with the form's FormData-like values when submitted with `submitLabel`,
 * null when cancelled. `onSubmit` may throw to keep the dialog open (its message is shown inside the dialog).
 * The browser gives focus back to the control that opened the dialog when it closes.
 */
/** Asks first; on yes runs the removal, says it is done, reloads the list and puts focus on it (the row acted on is
 * gone, so focus stays in the list rather than falling to the top of the page). Errors become an error toast. */
export async function confirmThenRemove({ title, message, confirmLabel, remove, done, reload, focus }) {
  if (!(await confirmDialog(title, message, confirmLabel))) return;
  try {
    await remove();
    toast(done);
    await reload();
    focus.focus();
  } catch (error) {
    toast(error.message, 'error');
  }
}

export function formDialog(title, fields, submitLabel, onSubmit, extra) {
  return new Promise((resolve) => {
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { method: 'dialog', class: 'dialog-form' }, fields, error,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit' }, submitLabel)));
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'form-dialog-title' },
      h('h2', { id: 'form-dialog-title' }, title), extra ?? null, form);
    let result = null;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      try {
        result = (await onSubmit()) ?? true;
        dialog.close();
      } catch (failure) {
        error.hidden = false;
        error.textContent = failure.message;
      }
    });
    dialog.addEventListener('close', () => {
      resolve(result);
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
