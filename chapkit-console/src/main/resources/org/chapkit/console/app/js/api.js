// HTTP access to the service. Every URL is resolved against the service root, found relative to this module
// (…/console/js/api.js → …/), so the console works under any servlet context path and behind a proxy prefix.

const ROOT = new URL('../../', import.meta.url);
const CREDENTIAL_KEY = 'chapkit.console.credential';

/** The absolute URL of a service path such as 'api/v1/jobs' (no leading slash). */
export function url(path, query) {
  const target = new URL(path.replace(/^\//, ''), ROOT);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') target.searchParams.set(key, value);
  }
  return target.href;
}

/** The credential of this tab: { kind: 'api-key' | 'bearer', value } or null. */
export function credential() {
  try {
    return JSON.parse(sessionStorage.getItem(CREDENTIAL_KEY));
  } catch {
    return null;
  }
}

export function setCredential(value) {
  if (value) sessionStorage.setItem(CREDENTIAL_KEY, JSON.stringify(value));
  else sessionStorage.removeItem(CREDENTIAL_KEY);
  window.dispatchEvent(new CustomEvent('chapkit:credential'));
}

function authHeaders() {
  const c = credential();
  if (!c?.value) return {};
  return c.kind === 'bearer' ? { Authorization: `Bearer ${c.value}` } : { 'X-API-Key': c.value };
}

/** A non-2xx answer, with the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(ApiError.describe(status, problem, retryAfter));
    this.status = status;
    this.problem = problem ?? {};
    this.retryAfter = retryAfter;
  }

  static describe(status, problem, retryAfter) {
    const detail = problem?.detail ? `: ${typeof problem.detail === 'string' ? problem.detail : JSON.stringify(problem.detail)}` : '';
    if (status === 401) return 'Not signed in — this service needs an API key or bearer token (Credentials, top right)' + detail;
    if (status === 403) return 'Forbidden — your key or token does not allow this' + detail;
    if (status === 429) return `Too many requests — slow down${retryAfter ? `, retry in ${retryAfter} s` : ''}` + detail;
    if (status === 0) return 'The service cannot be reached' + detail;
    return `${problem?.title ?? `HTTP ${status}`}${detail}`;
  }

  /** Field errors as { field: message }, from the problem's `errors` list (both chapkit spellings). */
  fieldErrors() {
    const out = {};
    const errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    for (const e of errors) {
      const field = e.field ?? (Array.isArray(e.loc) ? e.loc.filter((p) => p !== 'body').join('.') : e.pointer);
      if (field) out[field] = e.message ?? e.msg ?? e.detail ?? 'invalid';
    }
    return out;
  }
}

/** Listeners told of every 401/403/429, so the shell can show one banner. */
const authListeners = new Set();
export function onAuthProblem(listener) {
  authListeners.add(listener);
}

async function fail(response) {
  let problem = null;
  const text = await response.text();
  try {
    problem = JSON.parse(text);
  } catch {
    problem = text ? { detail: text.slice(0, 500) } : null;
  }
  const error = new ApiError(response.status, problem, response.headers.get('Retry-After'));
  if ([401, 403, 429].includes(response.status)) authListeners.forEach((l) => l(error));
  throw error;
}

/**
 * Calls the service. `body` is sent as JSON unless it is FormData/Blob; answers the parsed JSON, text, or null.
 */
export async function request(method, path, { query, body, accept = 'application/json', signal } = {}) {
  const headers = { Accept: accept, ...authHeaders() };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: payload, signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { detail: error.message });
  }
  if (!response.ok) await fail(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, query, options) => request('GET', path, { ...options, query });
export const post = (path, body, query) => request('POST', path, { body, query });
export const put = (path, body) => request('PUT', path, { body });
export const del = (path) => request('DELETE', path);

/**
 * Downloads a file with the credential headers (a plain link cannot send them): fetches it, then saves the blob
 * under the name from Content-Disposition.
 */
export async function download(path, query) {
  const response = await fetch(url(path, query), { headers: authHeaders() });
  if (!response.ok) await fail(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? path.split('/').pop();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/**
 * Reads a server-sent event stream with fetch (so the credential headers go along, which EventSource cannot do).
 * Calls onEvent(parsedJson) per `data:` event; resolves when the stream ends; abort with the signal.
 */
export async function stream(path, query, onEvent, signal) {
  const response = await fetch(url(path, query), {
    headers: { Accept: 'text/event-stream', ...authHeaders() },
    signal,
  });
  if (!response.ok) await fail(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) {
        try {
          onEvent(JSON.parse(data));
        } catch {
          onEvent({ raw: data });
        }
      }
    }
  }
}

/** Follows one job's $stream until it is terminal; onFrame gets each frame. Resolves with the last frame. */
export async function followJob(jobId, onFrame, signal) {
  let last = null;
  await stream(`api/v1/jobs/${jobId}/$stream`, { poll_interval: 0.5 }, (frame) => {
    last = frame;
    onFrame(frame);
  }, signal);
  return last;
}
