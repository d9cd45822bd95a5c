// The only way the console talks to VmControl: the public HTTP API under /api (docs/api.md).
const KEY = 'vmcontrol.apiKey';
let keyPrompt = null;
let caller = null;

// The LocalHost prints a link with ?key= once (as Jupyter prints its token): keep the key, and drop it from the address bar.
{
  const url = new URL(location.href);
  const given = url.searchParams.get('key');
  if (given) {
    sessionStorage.setItem(KEY, given);
    url.searchParams.delete('key');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

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
    'The API asks for an API key (X-Api-Key). It is kept for this browser session only.';
  input.value = sessionStorage.getItem(KEY) || '';
  keyPrompt = new Promise(resolve => {
    dialog.addEventListener('close', () => {
      keyPrompt = null;
      if (dialog.returnValue === 'ok' && input.value.trim()) {
        sessionStorage.setItem(KEY, input.value.trim());
        caller = null;
        window.dispatchEvent(new Event('vmcontrol:key-changed'));
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

/** Calls the API; resolves to { status, data, headers } for 2xx and throws ApiError otherwise. `extra`: more headers. */
export async function call(method, path, body, extra) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json', ...extra };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const key = sessionStorage.getItem(KEY);
    if (key) headers['X-Api-Key'] = key;
    let response;
    try {
      response = await fetch('/api/' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, { title: 'The API did not answer.', detail: String(e.message || e), code: 'network_error' });
    }
    // 401: no key or an unknown one, so ask. A 403 is the role's limit (or a cross-site refusal): another key will not be
    // asked for behind the operator's back; the problem says which role the route needs.
    if (response.status === 401 && attempt === 0 &&
        await askKey('The API needs an API key (X-Api-Key); ./run.sh prints one. It is kept for this browser session only.')) {
      continue;
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = { title: text.slice(0, 200) }; }
    }
    if (!response.ok) {
      throw new ApiError(response.status, data || { title: response.statusText || 'Request failed', status: response.status,
        detail: response.status === 401 ? 'An API key is needed.' : '' });
    }
    return { status: response.status, data, headers: response.headers };
  }
}

export const get = path => call('GET', path).then(r => r.data);

/** GET /api/me, once per key: who the console acts as, and the routes that role allows. */
export function whoami() {
  caller ??= get('me').catch(e => { caller = null; throw e; });
  return caller;
}

/** Whether the signed-in role allows METHOD on the route template (`POST vms/{id}/actions`). */
export async function allows(route) {
  try { return (await whoami()).routes.includes(route); } catch { return false; }
}
export const post = (path, body, headers) => call('POST', path, body ?? {}, headers);
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
