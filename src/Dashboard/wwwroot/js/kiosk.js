// The kiosk page (/kiosk/): a tablet, laptop or phone as a door reader. It signs in with a reader key, learns its door
// from /dashboard/me, shows the camera, captures a short burst when someone steps in front of it (or on a tap), posts
// the burst to the door as multipart frames, shows the answer large, and resets.
import { api, ApiError } from './api.js';

const storageKey = 'accessgrid.kiosk-key';
const burstFrames = 15;        // ≈ 1.8 s at the interval below: long enough for a blink, short enough to stand still
const frameIntervalMs = 120;
const jpegQuality = 0.85;
const answerMs = 5000;         // how long the answer stays up
const cooldownMs = 2500;       // after an answer, before presence may start another burst
const watchMs = 250;           // how often presence is checked
const motionThreshold = 6;     // mean grey-level change (0..255) of a 32×24 thumbnail that counts as someone arriving

/** What a person at the door reads for each reason; the reason code is shown beside it for the guard. */
const reasonText = {
  identified: 'Welcome',
  verified: 'Welcome',
  no_face: 'No face seen. Look at the camera.',
  low_quality: 'The picture is not clear enough. Step closer and face the camera.',
  unknown_face: 'Not recognised.',
  not_enrolled: 'No face is enrolled for this person.',
  not_claimed_person: 'This is not the person claimed.',
  suspended: 'Access is suspended.',
  no_grant: 'No access to this door.',
  outside_schedule: 'Outside your access hours.',
  expired: 'Your access is no longer valid.',
  mode_not_allowed: 'This door does not accept this kind of check.',
  spoof_suspected: 'A photo or a screen is suspected. Please present yourself.',
  liveness_unproven: 'Could not confirm a live person. Look at the camera and blink.',
  bad_image: 'The camera picture could not be read.',
};

const $ = (id) => document.getElementById(id);
const el = {
  signIn: $('kiosk-sign-in'), form: $('kiosk-sign-in-form'), key: $('kiosk-key'), error: $('kiosk-sign-in-error'),
  reader: $('kiosk-reader'), door: $('kiosk-door'), status: $('kiosk-status'), signOut: $('kiosk-sign-out'),
  video: $('kiosk-video'), check: $('kiosk-check'),
  answer: $('kiosk-answer'), title: $('kiosk-answer-title'), name: $('kiosk-answer-name'), reason: $('kiosk-answer-reason'),
};

const state = { key: null, door: null, stream: null, busy: false, quietUntil: 0, watcher: null, previous: null };

el.form.addEventListener('submit', async (event) => {
  event.preventDefault();
  el.error.hidden = true;
  try {
    await start(el.key.value.trim());
    sessionStorage.setItem(storageKey, state.key);
  } catch (error) {
    showSignIn(error.message);
  }
});
el.signOut.addEventListener('click', () => {
  sessionStorage.removeItem(storageKey);
  stop();
  showSignIn();
});
el.check.addEventListener('click', () => checkIn());

boot();

async function boot() {
  const saved = sessionStorage.getItem(storageKey);
  if (!saved) return showSignIn();
  try {
    await start(saved);
  } catch (error) {
    sessionStorage.removeItem(storageKey);
    showSignIn(error.message);
  }
}

/** Checks the key is a reader key bound to a door, then starts the camera. Throws an Error with a readable message. */
async function start(key) {
  if (!key) throw new Error('Enter the reader key of this door.');
  let me;
  try {
    me = await api('/dashboard/me', { key });
  } catch (error) {
    throw new Error(error instanceof ApiError && error.status === 401 ? 'This key was not accepted.' : `Sign-in failed: ${error.message}`);
  }
  if (me?.role !== 'reader' || !me.doorId) {
    throw new Error('The kiosk needs a reader key bound to a door; guard, HR and admin keys sign in to the dashboard at /.');
  }
  state.key = key;
  state.door = me.doorId;
  el.door.textContent = `Door ${me.doorId}`;
  el.signIn.hidden = true;
  el.reader.hidden = false;
  el.key.value = '';
  await startCamera();
}

async function startCamera() {
  setStatus('Starting the camera…');
  try {
    state.stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false,
    });
  } catch (error) {
    setStatus(`No camera: ${error.message}`);
    el.check.disabled = true;
    return;
  }
  el.video.srcObject = state.stream;
  await el.video.play().catch(() => {});
  // A burst needs the picture's size: wait for the first frame before offering the tap.
  if (!(await videoReady())) {
    setStatus('The camera gives no picture.');
    return;
  }
  el.check.disabled = false;
  setStatus('Look at the camera, or tap to check in.');
  state.watcher = setInterval(watchForPresence, watchMs);
}

/** True once the video has a frame (and so a size); false after 10 s without one. */
function videoReady() {
  if (el.video.videoWidth > 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready) => {
      clearTimeout(timer);
      el.video.removeEventListener('loadeddata', onFrame);
      el.video.removeEventListener('resize', onFrame);
      resolve(ready);
    };
    const onFrame = () => { if (el.video.videoWidth > 0) done(true); };
    const timer = setTimeout(() => done(el.video.videoWidth > 0), 10_000);
    el.video.addEventListener('loadeddata', onFrame);
    el.video.addEventListener('resize', onFrame);
  });
}

function stop() {
  clearInterval(state.watcher);
  state.watcher = null;
  state.stream?.getTracks().forEach((track) => track.stop());
  state.stream = null;
  state.key = null;
  state.door = null;
}

function showSignIn(message) {
  el.reader.hidden = true;
  el.signIn.hidden = false;
  el.error.textContent = message ?? '';
  el.error.hidden = !message;
  el.key.focus();
}

// Someone arriving: a face where the browser can detect faces, otherwise a change in the picture.
const faceDetector = 'FaceDetector' in window ? new window.FaceDetector({ fastMode: true, maxDetectedFaces: 1 }) : null;
const thumbnail = document.createElement('canvas');
thumbnail.width = 32;
thumbnail.height = 24;

async function watchForPresence() {
  if (state.busy || Date.now() < state.quietUntil || !el.video.videoWidth) return;
  let present;
  if (faceDetector) {
    present = (await faceDetector.detect(el.video).catch(() => [])).length > 0;
  } else {
    const context = thumbnail.getContext('2d', { willReadFrequently: true });
    context.drawImage(el.video, 0, 0, thumbnail.width, thumbnail.height);
    const pixels = context.getImageData(0, 0, thumbnail.width, thumbnail.height).data;
    const grey = new Float32Array(thumbnail.width * thumbnail.height);
    for (let i = 0; i < grey.length; i++) grey[i] = (pixels[4 * i] + pixels[4 * i + 1] + pixels[4 * i + 2]) / 3;
    const previous = state.previous;
    state.previous = grey;
    if (!previous) return;
    let change = 0;
    for (let i = 0; i < grey.length; i++) change += Math.abs(grey[i] - previous[i]);
    present = change / grey.length > motionThreshold;
  }
  if (present) checkIn();
}

async function checkIn() {
  if (state.busy || !state.stream || !state.door) return;
  state.busy = true;
  el.check.disabled = true;
  try {
    setStatus('Hold still…');
    const frames = await captureBurst();
    setStatus('Checking…');
    const form = new FormData();
    frames.forEach((frame, i) => form.append('frame', frame, `frame${i}.jpg`));
    form.append('frameIntervalMs', String(frameIntervalMs));
    const decision = await api(`/api/doors/${encodeURIComponent(state.door)}/access`, { method: 'POST', body: form, key: state.key });
    showAnswer(decision.decision, decision.name, decision.reason, null, decision.hint);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      stop();
      sessionStorage.removeItem(storageKey);
      showSignIn('This reader key is no longer valid.');
      state.busy = false;
      return;
    }
    const reason = error instanceof ApiError ? error.reason : null;
    showAnswer('denied', null, reason, error.message);
  }
  setTimeout(reset, answerMs);
}

/** Up to burstFrames JPEGs of the camera picture, frameIntervalMs apart, all of one size. A frame the browser cannot
 * encode (the camera between two pictures) is skipped; no frame at all is an error. */
async function captureBurst() {
  if (!(await videoReady())) throw new Error('The camera gives no picture.');
  const canvas = document.createElement('canvas');
  canvas.width = el.video.videoWidth;
  canvas.height = el.video.videoHeight;
  const context = canvas.getContext('2d');
  const frames = [];
  for (let i = 0; i < burstFrames; i++) {
    const started = performance.now();
    context.drawImage(el.video, 0, 0, canvas.width, canvas.height);
    const frame = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', jpegQuality));
    if (frame) frames.push(frame);
    const wait = frameIntervalMs - (performance.now() - started);
    if (i < burstFrames - 1 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  if (frames.length === 0) throw new Error('The camera picture could not be encoded.');
  return frames;
}

/** The door's hint (a low_quality frame: "Come closer to the camera.") says more than the reason's generic text. */
function showAnswer(outcome, name, reason, detail, hint) {
  const granted = outcome === 'granted';
  el.answer.dataset.outcome = granted ? 'granted' : 'denied';
  el.answer.dataset.reason = reason ?? '';
  el.title.textContent = granted ? 'Granted' : 'Denied';
  el.name.textContent = name ?? '';
  el.name.hidden = !name;
  const text = hint ?? reasonText[reason] ?? detail ?? 'The door could not decide.';
  el.reason.textContent = reason ? `${text} (${reason})` : text;
  el.answer.hidden = false;
  setStatus(granted ? 'Granted.' : 'Denied.');
}

function reset() {
  el.answer.hidden = true;
  el.answer.dataset.outcome = '';
  el.answer.dataset.reason = '';
  state.previous = null;
  state.quietUntil = Date.now() + cooldownMs;
  state.busy = false;
  if (state.stream) {
    el.check.disabled = false;
    setStatus('Look at the camera, or tap to check in.');
  }
}

function setStatus(text) {
  el.status.textContent = text;
}
