// Alarms on every page: the shell keeps the open alarms (polled, and re-read at once when a denial arrives on the live
// feed), shows the most severe in a banner, beeps, sends a browser notification and announces each new alarm once.
import { api } from './api.js';
import { feed } from './feed.js';
import { h, fill, field, formatTime, toast, formDialog } from './ui.js';

const pollEvery = 3000;
const severityRank = { critical: 3, high: 2, warning: 1 };
const kindText = { unknown_face: 'Unknown face', spoof_suspected: 'Spoof suspected', denial_burst: 'Denial burst' };
const notifyAskedKey = 'accessgrid.notifications-asked';

/** Fires 'change' (detail: open alarms, most severe first) whenever the open alarms change. */
export const alarms = new EventTarget();
let open = [];
let seen = null;       // alarm ids already announced (null until the first read: old alarms are not news)
let timer = null;
let doorNames = new Map();
let audio = null;

export const alarmKindText = (kind) => kindText[kind] ?? kind;
export const openAlarms = () => open;

/** Starts watching once signed in; `banner` and `announcer` are the shell's elements. */
export function startAlarms(banner, announcer) {
  stopAlarms();
  seen = null;
  const refresh = () => read(banner, announcer).catch(() => {});
  feed.addEventListener('decisions', onDecisions);
  timer = setInterval(refresh, pollEvery);
  api('/api/doors').then((doors) => { doorNames = new Map((doors ?? []).map((d) => [d.id, d.name])); }).catch(() => {}).finally(refresh);

  function onDecisions(event) {
    if (event.detail.some((d) => d.decision !== 'granted')) refresh();
  }
  startAlarms.stop = () => feed.removeEventListener('decisions', onDecisions);
}

export function stopAlarms() {
  clearInterval(timer);
  timer = null;
  startAlarms.stop?.();
  open = [];
}

/** Asks for notification permission once per browser, from the sign-in click (browsers want a user gesture). */
export function askNotificationsOnce() {
  if (!('Notification' in window) || localStorage.getItem(notifyAskedKey)) return;
  localStorage.setItem(notifyAskedKey, '1');
  Notification.requestPermission().catch(() => {});
  // The same gesture lets the page make sound later.
  audio ??= new AudioContext();
}

export const doorName = (id) => doorNames.get(id) ?? id;

async function read(banner, announcer) {
  const current = (await api('/api/alarms?open=true&limit=100')) ?? [];
  current.sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || Date.parse(b.lastAt) - Date.parse(a.lastAt));
  const fresh = seen === null ? [] : current.filter((a) => !seen.has(a.id));
  seen = new Set([...(seen ?? []), ...current.map((a) => a.id)]);
  const changed = JSON.stringify(current.map((a) => [a.id, a.count])) !== JSON.stringify(open.map((a) => [a.id, a.count]));
  open = current;
  if (changed) {
    renderBanner(banner);
    alarms.dispatchEvent(new CustomEvent('change', { detail: open }));
  }
  if (fresh.length) {
    const text = fresh.map((a) => `${a.severity} alarm: ${alarmKindText(a.kind)} at ${doorName(a.doorId)}`).join('. ');
    // Announced once per new alarm: the banner itself is not a live region, so re-rendering it says nothing.
    announcer.textContent = text;
    beep(fresh.some((a) => a.severity === 'critical'));
    notify(text);
  }
}

function renderBanner(banner) {
  banner.hidden = open.length === 0;
  if (open.length === 0) return fill(banner);
  const top = open[0];
  banner.dataset.severity = top.severity;
  fill(banner,
    h('p', { class: 'alarm-summary' },
      h('strong', {}, `${top.severity.toUpperCase()}: ${alarmKindText(top.kind)} at ${doorName(top.doorId)}`),
      ` (${top.count}×, last ${formatTime(top.lastAt)})`,
      open.length > 1 ? h('span', {}, ` · ${open.length - 1} more open`) : null),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'alarm-ack', onclick: () => acknowledge(top) }, 'Acknowledge…'),
      h('a', { href: '#/alarms', class: 'alarm-link' }, 'All alarms')));
}

/** Asks for the note and acknowledges; the caller gets the closed alarm or null when cancelled. */
export async function acknowledge(alarm) {
  const note = h('textarea', { id: 'alarm-note', required: true, maxlength: 500, rows: 3 });
  const closed = await formDialog(`Acknowledge: ${alarmKindText(alarm.kind)} at ${doorName(alarm.doorId)}`,
    [field('What did you find or do?', note)], 'Acknowledge',
    () => api(`/api/alarms/${encodeURIComponent(alarm.id)}/acknowledge`, { method: 'POST', json: { note: note.value.trim() } }));
  if (closed) {
    toast(`Alarm at ${doorName(alarm.doorId)} acknowledged`);
    open = open.filter((a) => a.id !== alarm.id);
    renderBanner(document.getElementById('alarm-banner'));
    alarms.dispatchEvent(new CustomEvent('change', { detail: open }));
  }
  return closed;
}

/** A short beep (two for critical) through WebAudio; silent when the browser has not allowed sound yet. */
function beep(critical) {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
    for (let i = 0; i < (critical ? 2 : 1); i++) {
      const start = audio.currentTime + i * 0.3;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = critical ? 1046 : 880;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.25);
    }
  } catch {
    // No audio device: the banner and the notification still tell.
  }
}

function notify(text) {
  if (!('Notification' in window) || Notification.permission !== 'granted' || document.hasFocus()) return;
  try {
    new Notification('AccessGrid alarm', { body: text, tag: 'accessgrid-alarm' });
  } catch {
    // Some browsers allow notifications only from a service worker; the banner still shows.
  }
}
