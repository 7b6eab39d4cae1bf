// The live decision feed: one SignalR connection per tab, shared by every page through DOM events.
import { session } from './session.js';

/**
 * Fires 'decisions' (detail: Decision[] in arrival order), 'status' (detail: connecting|live|offline) and 'refused'
 * when the hub turns the key away (revoked since sign-in): retrying would never help.
 */
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
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (ctx) => (refused(ctx.retryReason) ? null : Math.min(10_000, 500 * 2 ** ctx.previousRetryCount)),
    })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.on('decisions', (batch) => feed.dispatchEvent(new CustomEvent('decisions', { detail: batch })));
  connection.onreconnecting(() => setState('connecting'));
  connection.onreconnected(() => setState('live'));
  connection.onclose((error) => {
    setState('offline');
    if (refused(error)) giveUp();
    else if (connection) setTimeout(startWithRetry, 2000);
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
  } catch (error) {
    setState('offline');
    if (refused(error)) giveUp();
    else if (connection === current) {
      setTimeout(startWithRetry, 3000);
    }
  }
}

/** The hub said 401/403: the key was revoked or lost its role. The client wraps the status into its message. */
function refused(error) {
  return error?.statusCode === 401 || error?.statusCode === 403 || /Status code '40[13]'/.test(String(error?.message ?? ''));
}

function giveUp() {
  connection = null;
  feed.dispatchEvent(new CustomEvent('refused'));
}

export async function disconnectFeed() {
  const current = connection;
  connection = null;
  if (current) await current.stop();
  setState('offline');
}
