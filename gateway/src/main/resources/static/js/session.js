// Who is logged in, what their roles allow, and cached names of operators, packages and clients.
import { all } from './api.js';

const has = (...roles) => roles.some((role) => session.user?.roles?.includes(role));

export const session = {
  user: null,
  /** Mirrors the gateway's rules (docs/api.md, "Roles") so the UI only offers what the server will accept. */
  can: {
    write: () => has('ADMIN', 'OPERATOR'),
    delete: () => has('ADMIN'),
    exportAudit: () => has('ADMIN', 'AUDITOR'),
    verifyAudit: () => has('ADMIN', 'AUDITOR'),
    admin: () => has('ADMIN'),
  },
};

const caches = new Map();

/** The list behind a picker, loaded once per page view; forget() after a change. */
function cached(path) {
  if (!caches.has(path)) {
    caches.set(path, all(path).catch((e) => {
      caches.delete(path);
      throw e;
    }));
  }
  return caches.get(path);
}

export const lookups = {
  operators: () => cached('/api/operators'),
  packages: () => cached('/api/packages'),
  clients: () => cached('/api/clients'),
  forget(path) {
    caches.delete(path);
  },
  /** id -> name for a list, empty when the list cannot be loaded (the service may be down). */
  async names(kind) {
    try {
      return new Map((await lookups[kind]()).map((item) => [item.id, item.name]));
    } catch {
      return new Map();
    }
  },
  /** [id, name] options for a <select>, or [] when unavailable. */
  async options(kind) {
    try {
      return (await lookups[kind]()).map((item) => [item.id, item.name]);
    } catch {
      return [];
    }
  },
};
