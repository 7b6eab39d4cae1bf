// The signed-in key lives in sessionStorage (gone when the tab closes); its role decides what the pages show.
const storageKey = 'accessgrid.key';

/** What each role may see: a role never sees a control it may not use. */
const abilities = {
  admin: ['live', 'doors', 'doors.write', 'alarms', 'events', 'staff', 'staff.write', 'keys', 'webhooks', 'orleans'],
  hr: ['live', 'doors', 'doors.write', 'alarms', 'events', 'staff', 'staff.write'],
  guard: ['live', 'doors', 'alarms', 'events'],
};

export const session = {
  key: sessionStorage.getItem(storageKey),
  role: null,
  can(ability) {
    return (abilities[this.role] ?? []).includes(ability);
  },
};

/** Remembers a key already checked against the gateway, with its role. */
export function remember(key, role) {
  session.key = key;
  session.role = role;
  sessionStorage.setItem(storageKey, key);
}

export function forget() {
  session.key = null;
  session.role = null;
  sessionStorage.removeItem(storageKey);
}

export const dashboardRoles = Object.keys(abilities);
