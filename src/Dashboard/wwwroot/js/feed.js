// The live decision feed: one SignalR connection per tab, shared by every page through DOM events.
import { session } from './session.js';

/** Fires 'decisions' (detail: Decision[] in arrival order) and 'status' (detail: connecting|live|offline). */
export const feed = new EventTarget();
let connection = null;
let state = 'connecting';

export const feedState = () => state;

function setState(next) {
  state = next;
  feed.dispatchEvent(new CustomEvent('status', { detail: next }));
}

/** Connects with the session key; retries forever with backoff so a restarted silo is picked up again. */
export async function connectFeed() {
  if (connection) return;
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hub/decisions', { accessTokenFactory: () => session.key })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.on('decisions', (batch) => feed.dispatchEvent(new CustomEvent('decisions', { detail: batch })));
  connection.onreconnecting(() => setState('connecting'));
  connection.onreconnected(() => setState('live'));
  connection.onclose(() => {
    setState('offline');
    if (connection) setTimeout(startWithRetry, 2000);
  });
  await startWithRetry();
}

async function startWithRetry() {
  const current = connection;
  if (!current || current.state !== signalR.HubConnectionState.Disconnected) return;
  setState('connecting');
  try {
    await current.start();
    setState('live');
  } catch {
    setState('offline');
    if (connection === current) setTimeout(startWithRetry, 3000);
  }
}

export async function disconnectFeed() {
  const current = connection;
  connection = null;
  if (current) await current.stop();
  setState('offline');
}
