// Shell: sign-in, navigation by role, and a hash router that mounts one page at a time.
import { api, ApiError } from './api.js';
import { session, remember, forget, dashboardRoles } from './session.js';
import { feed, connectFeed, disconnectFeed, feedState } from './feed.js';
import { fill, toast } from './ui.js';
import * as live from './pages/live.js';
import * as doors from './pages/doors.js';
import * as staff from './pages/staff.js';
import * as events from './pages/events.js';
import * as keys from './pages/keys.js';
import * as alarmsPage from './pages/alarms.js';
import * as webhooks from './pages/webhooks.js';
import { startAlarms, stopAlarms, askNotificationsOnce } from './alarms.js';

const pages = { live, doors, staff, events, keys, alarms: alarmsPage, webhooks };
const titles = { live: 'Live', doors: 'Doors', staff: 'Staff', events: 'Events', keys: 'Keys', alarms: 'Alarms', webhooks: 'Webhooks' };
const $ = (id) => document.getElementById(id);
let unmount = null;

/** Asks the gateway who a key belongs to; only dashboard roles may sign in (a reader key belongs to a door). */
async function whoIs(key) {
  const me = await api('/dashboard/me', { key });
  if (!dashboardRoles.includes(me?.role)) {
    throw new Error(`A ${me?.role ?? 'unknown'} key cannot sign in to the dashboard; use a guard, hr or admin key.`);
  }
  return me.role;
}

async function signIn(key) {
  const role = await whoIs(key);
  remember(key, role);
  // The Orleans Dashboard is a separate app a browser reaches by plain navigation: give admins a cookie for it.
  if (session.can('orleans')) await api('/dashboard/session', { method: 'POST' });
}

function showSignIn(message) {
  $('topbar').hidden = true;
  $('page').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('api-key').setAttribute('aria-invalid', String(Boolean(message)));
  document.title = 'Sign in · AccessGrid';
  $('api-key').focus();
}

function showShell() {
  $('sign-in').hidden = true;
  $('topbar').hidden = false;
  $('page').hidden = false;
  $('role-badge').textContent = session.role;
  for (const item of document.querySelectorAll('[data-requires]')) item.hidden = !session.can(item.dataset.requires);
  connectFeed();
  startAlarms($('alarm-banner'), $('alarm-announcer'));
  route();
}

function route() {
  if (!session.role) return;
  // A page's query (#/staff?id=…) is kept: it is a deep link the page reads when it mounts.
  let [name, search] = location.hash.replace(/^#\//, '').split('?');
  if (!pages[name] || !session.can(name)) [name, search] = ['live', ''];
  const target = `#/${name}${search ? `?${search}` : ''}`;
  if (target !== location.hash) history.replaceState(null, '', target);
  for (const link of document.querySelectorAll('#nav a[data-page]')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  unmount?.();
  const container = fill($('page'));
  container.dataset.page = name;
  document.title = `${titles[name]} · AccessGrid`;
  unmount = pages[name].mount(container) ?? null;
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) return showSignIn('Enter an API key.');
  const button = event.submitter;
  button.disabled = true;
  askNotificationsOnce();
  try {
    await signIn(key);
    $('api-key').value = '';
    showShell();
    $('main').focus();
  } catch (error) {
    forget();
    const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
    showSignIn(refused ? 'This key was refused.' : error.message);
  } finally {
    button.disabled = false;
  }
});

async function signOut(message) {
  unmount?.();
  unmount = null;
  stopAlarms();
  $('alarm-banner').hidden = true;
  await disconnectFeed();
  if (session.can('orleans')) await api('/dashboard/session', { method: 'DELETE' }).catch(() => {});
  forget();
  showSignIn(message);
}

$('sign-out').addEventListener('click', () => signOut());
feed.addEventListener('refused', () => signOut('Your key is no longer accepted; sign in again.'));

const statusText = { connecting: 'connecting…', live: 'live', offline: 'offline' };
feed.addEventListener('status', (event) => {
  const status = $('feed-status');
  status.dataset.state = event.detail;
  status.textContent = statusText[event.detail];
});
$('feed-status').textContent = statusText[feedState()];

window.addEventListener('hashchange', route);

// A page reload keeps the key (sessionStorage) but re-checks it: it may have been revoked meanwhile.
if (session.key) {
  whoIs(session.key)
    .then((role) => { remember(session.key, role); showShell(); })
    .catch((error) => {
      forget();
      showSignIn(error instanceof ApiError ? 'Your key is no longer accepted; sign in again.' : error.message);
    });
} else {
  showSignIn();
}

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  toast(event.reason?.message ?? String(event.reason), 'error');
});
