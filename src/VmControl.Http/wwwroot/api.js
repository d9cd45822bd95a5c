// The only way the console talks to VmControl: the public HTTP API under /api (docs/api.md).
const KEY = 'vmcontrol.functionsKey';
let keyPrompt = null;

/** A non-2xx answer; `problem` is the RFC 9457 body (or a stand-in when the body was empty). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function hasKey() { return !!sessionStorage.getItem(KEY); }

/** Asks for the function key once (one dialog even when several requests are refused together). */
export function askKey(reason) {
  if (keyPrompt) return keyPrompt;
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  document.getElementById('key-reason').textContent = reason ||
    'The API asks for a function key (x-functions-key). It is kept for this browser session only.';
  input.value = sessionStorage.getItem(KEY) || '';
  keyPrompt = new Promise(resolve => {
    dialog.addEventListener('close', () => {
      keyPrompt = null;
      if (dialog.returnValue === 'ok' && input.value.trim()) {
        sessionStorage.setItem(KEY, input.value.trim());
        resolve(true);
      } else {
        resolve(false);
      }
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
  return keyPrompt;
}

/** Calls the API; resolves to { status, data, headers } for 2xx and throws ApiError otherwise. */
export async function call(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const key = sessionStorage.getItem(KEY);
    if (key) headers['x-functions-key'] = key;
    let response;
    try {
      response = await fetch('/api/' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, { title: 'The API did not answer.', detail: String(e.message || e), code: 'network_error' });
    }
    if ((response.status === 401 || response.status === 403) && attempt === 0 &&
        await askKey(response.status === 401
          ? 'The API needs a function key (x-functions-key). It is kept for this browser session only.'
          : 'This needs the admin (host) key. It is kept for this browser session only.')) {
      continue;
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = { title: text.slice(0, 200) }; }
    }
    if (!response.ok) {
      throw new ApiError(response.status, data || { title: response.statusText || 'Request failed', status: response.status,
        detail: response.status === 401 ? 'A function key is needed.' : '' });
    }
    return { status: response.status, data, headers: response.headers };
  }
}

export const get = path => call('GET', path).then(r => r.data);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const del = path => call('DELETE', path);

/** A query string from the non-empty values of an object. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const s = params.toString();
  return s ? '?' + s : '';
}

let lifecycle = null;
/** GET /api/lifecycle, fetched once per page load (it changes only with a deployment). */
export function getLifecycle() {
  lifecycle ??= get('lifecycle').catch(e => { lifecycle = null; throw e; });
  return lifecycle;
}
