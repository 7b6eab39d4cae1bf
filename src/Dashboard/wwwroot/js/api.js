// Calls the gateway's REST API with the signed-in key; failures become ApiError carrying the ProblemDetails.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The machine-readable reason the gateway put in the ProblemDetails, when it did. */
  get reason() {
    return this.problem.reason ?? this.problem.rejection ?? this.problem.extensions?.reason ?? null;
  }
}

/**
 * fetch() against /api: `json` is sent as JSON, `body` as is (with `contentType`). Returns the parsed JSON,
 * or null for an empty answer. A key other than the session's can be given (sign-in checks one before storing it).
 */
export async function api(path, { method = 'GET', json, body, contentType, key = session.key, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, { method, headers, body, signal });
  const text = await response.text();
  const data = text ? parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : { detail: text });
  return data;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Builds a query string from the non-empty entries of an object. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The decision in an event: /api/events may answer with decisions themselves or with audit entries that wrap one
 * (an HR change wraps none). Returns null for a change.
 */
export function asDecision(entry) {
  if (!entry) return null;
  if (typeof entry.decision === 'string') return entry;
  return entry.decision && typeof entry.decision === 'object' ? entry.decision : null;
}

/** Only the decisions among events, unwrapped. */
export const decisionsOf = (entries) => (entries ?? []).map(asDecision).filter(Boolean);
