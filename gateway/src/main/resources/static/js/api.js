// The REST client of the admin UI: credentials, problem+json errors, downloads and job polling.

// swagger-ui/initializer.js reads the same key, so Swagger UI calls as the user logged in here
const STORAGE_KEY = 'did-platform.auth';

/** An API failure carrying what the server said (RFC 9457 problem detail when there is one). */
export class ApiError extends Error {
  constructor(status, detail, { title, code, method, path, missing = false } = {}) {
    super(detail);
    /** True when the endpoint is not there (yet): the service behind it may still be under construction. */
    this.missing = missing;
    this.status = status;
    this.detail = detail;
    this.title = title;
    this.code = code;
    this.method = method;
    this.path = path;
  }
}

let onUnauthorized = () => {};

export const auth = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY));
    } catch {
      return null;
    }
  },
  /** Keeps the credentials for this browser tab only. */
  set(value) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(STORAGE_KEY);
  },
  basic(user, password) {
    return { header: 'Basic ' + btoa(unescape(encodeURIComponent(`${user}:${password}`))), user };
  },
  bearer(token) {
    return { header: 'Bearer ' + token.trim(), user: '' };
  },
  onUnauthorized(handler) {
    onUnauthorized = handler;
  },
};

/** Builds `/api/...?a=1&b=2`, leaving out empty values. */
export function url(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method, path, { query, body, form, credentials } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
  const current = credentials || auth.get();
  if (current) headers.Authorization = current.header;
  let payload;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const target = url(path, query);
  let response;
  try {
    response = await fetch(target, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, 'The gateway cannot be reached. Check the network or whether the platform is running.', { method, path });
  }
  // only a refusal of the login still in use logs out: a request that left after a log-out (a list's refresh) must
  // not draw the login form again under someone typing into it
  if (response.status === 401 && !credentials && current && auth.get()?.header === current.header) {
    onUnauthorized();
  }
  if (!response.ok) {
    throw await errorOf(response, method, path);
  }
  return response;
}

async function errorOf(response, method, path) {
  const type = response.headers.get('Content-Type') || '';
  let problem = {};
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = {};
    }
  }
  let detail = problem.detail || problem.message || problem.error;
  const status = response.status;
  let missing = false;
  if (status === 401) detail = 'You are not logged in, or your credentials were refused.';
  else if (status === 403) detail = detail && !/forbidden|denied/i.test(detail) ? detail : 'Your role may not do this.';
  else if (status === 404 && (!detail || /no static resource/i.test(detail))) {
    detail = `${method} ${path} is not available on the service yet.`;
    missing = true;
  } else if ([502, 503, 504].includes(status) && !problem.detail) {
    detail = `The service behind ${path.split('/').slice(0, 3).join('/')} is not reachable (HTTP ${status}). It may be starting or stopped.`;
  } else if (!detail) {
    detail = `HTTP ${status} ${response.statusText || ''}`.trim();
  }
  return new ApiError(status, detail, { title: problem.title, code: problem.code, method, path, missing });
}

async function json(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, query) => send('GET', path, { query }).then(json),
  post: (path, body, query) => send('POST', path, { body, query }).then(async (r) => ({ status: r.status, body: await json(r) })),
  put: (path, body) => send('PUT', path, { body }).then(json),
  patch: (path, body) => send('PATCH', path, { body }).then(async (r) => ({ status: r.status, body: await json(r) })),
  delete: (path, body) => send('DELETE', path, { body }).then(async (r) => ({ status: r.status, body: await json(r) })),
  upload: (path, form) => send('POST', path, { form }).then(async (r) => ({ status: r.status, body: await json(r) })),
  /** Checks credentials without triggering the log-out handler. */
  whoAmI: (credentials) => send('GET', '/api/me', { credentials }).then(json),

  /** Fetches a file with the credentials (a plain link could not send them) and hands it to the browser. */
  async download(path, query, fallbackName) {
    const response = await send('GET', path, { query });
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    const name = match ? decodeURIComponent(match[1]) : fallbackName;
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    return { name, size: blob.size };
  },

  /** Polls a bulk job until it is no longer RUNNING, reporting each state seen. */
  async followJob(id, onProgress, { intervalMs = 700, signal } = {}) {
    for (;;) {
      const job = await api.get(`/api/dids/jobs/${encodeURIComponent(id)}`);
      onProgress(job);
      if (job.state !== 'RUNNING' || signal?.aborted) return job;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  },
};

/** Loads every page of a small list (operators, packages, clients) for pickers and names. */
export async function all(path, query = {}) {
  const items = [];
  for (let page = 0; page < 50; page++) {
    const result = await api.get(path, { ...query, page, size: 200 });
    const content = Array.isArray(result) ? result : result?.content || [];
    items.push(...content);
    if (Array.isArray(result) || !result?.page || page + 1 >= result.page.totalPages) break;
  }
  return items;
}
