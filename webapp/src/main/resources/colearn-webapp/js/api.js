/**
 * The REST client: JSON in and out, the login cookie (which the browser sends and scripts never see) with the
 * header that tells the server the call comes from Colearn's own pages, and every failure turned into an ApiError carrying the server's problem details (detail, code, errors[] and extensions such as report).
 */
import * as session from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
    this.code = problem.code ?? null;
  }
}

/** Sent on every call: the server lets a change made with the login cookie through only from Colearn's own pages. */
export const PAGE_HEADER = 'X-Colearn-Request';

const STARTING_ATTEMPTS = 15;
const STARTING_RETRY_MS = 1000;

const OFFLINE = {
  code: 'network_error',
  detail: 'Colearn cannot reach its server. Check your connection and try again.',
};

/**
 * Calls `/api/<path>`. Options: `json` (a body to send as JSON), `csv` (text to send as text/csv), `query` (an
 * object of query parameters), `auth` (false for public endpoints, whose refusals do not end the login) and `headers` (more request
 * headers, such as a story's edit key).
 */
export async function call(method, path, { json, csv, query, auth = true, headers: extra = {} } = {}) {
  const url = new URL(`api/${path}`, document.baseURI);
  Object.entries(query ?? {}).forEach(([key, value]) => url.searchParams.set(key, String(value)));
  const headers = { Accept: 'application/json, application/problem+json', [PAGE_HEADER]: '1', ...extra };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = csv;
  }
  const account = auth ? session.account() : null;

  let response;
  let data;
  for (let attempt = 1; ; attempt += 1) {
    try {
      response = await fetch(url, { method, headers, body, cache: 'no-store', credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, OFFLINE);
    }
    data = await readBody(response);
    // While the server starts, /api answers 503 "starting" without handling the request: ask again shortly.
    if (response.status !== 503 || data?.code !== 'starting' || attempt === STARTING_ATTEMPTS) break;
    await new Promise((resolve) => { setTimeout(resolve, STARTING_RETRY_MS); });
  }
  if (response.ok) return data;
  const problem = data && typeof data === 'object' ? data : { detail: `The server answered ${response.status}.` };
  if (response.status === 401 && account && session.account()?.id === account.id) {
    // The login has expired or was ended (here, in another tab, or everywhere): the app sends the person back to the login page (once, however many
    // calls were refused together).
    session.signOut('expired');
  }
  throw new ApiError(response.status, problem);
}

async function readBody(response) {
  if (response.status === 204) return null;
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, json, options) => call('POST', path, { ...options, json });
export const put = (path, json, options) => call('PUT', path, { ...options, json });
export const patch = (path, json, options) => call('PATCH', path, { ...options, json });
export const del = (path, options) => call('DELETE', path, options);

/**
 * Downloads `/api/<path>` as a file, fetched with the login cookie and the page's header, then saved through a
 * temporary link to the bytes. The file name is the server's (Content-Disposition), else `fallbackName`.
 */
export async function download(path, fallbackName) {
  const headers = { [PAGE_HEADER]: '1' };
  let response;
  try {
    response = await fetch(new URL(`api/${path}`, document.baseURI), { headers, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, OFFLINE);
  }
  if (!response.ok) {
    const data = await readBody(response);
    throw new ApiError(response.status, data && typeof data === 'object' ? data : { detail: `The server answered ${response.status}.` });
  }
  const blob = await response.blob();
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = named ? named[1] : fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click is handled; the address is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return link.download;
}
