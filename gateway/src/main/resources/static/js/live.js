// The platform's changes as they happen (GET /api/live, server-sent events), so that what a view shows follows
// changes made elsewhere (another user, a cascade, a hold ending) without a reload.
import { auth } from './api.js';

const listeners = new Set();
/** The most subjects a change names (the gateway's LiveChange.MAX_SUBJECTS); beyond them it names none of the rest. */
const MAX_SUBJECTS = 100;
const lasting = new Set();
let controller = null;

/** Hands one change to every watch: what the stream does with each change it reads. */
export const deliver = (change) => [...lasting, ...listeners].forEach((listener) => listener(change));

/** Reads one text/event-stream response, calling onChange for every `change` event in it. */
async function read(response, onChange) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
      if (event === 'change' && data) onChange(JSON.parse(data));
    }
  }
}

async function follow(signal) {
  // EventSource cannot send the Authorization header the UI authenticates with, so the stream is read by fetch
  let connectedBefore = false;
  for (let delay = 1000; !signal.aborted; delay = Math.min(delay * 2, 30_000)) {
    try {
      const credentials = auth.get();
      if (!credentials) return;
      const response = await fetch('/api/live', {
        headers: { Authorization: credentials.header, Accept: 'text/event-stream', 'X-Requested-With': 'XMLHttpRequest' },
        signal,
      });
      if (response.status === 401 || response.status === 403 || response.status === 404) return;
      if (response.ok) {
        delay = 1000;
        // whatever happened while the stream was away: every view reloads once
        if (connectedBefore) deliver({ types: ['*'], subjects: [], count: 0 });
        connectedBefore = true;
        await read(response, deliver);
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

export const live = {
  start() {
    live.stop();
    controller = new AbortController();
    follow(controller.signal);
  },
  stop() {
    controller?.abort();
    controller = null;
  },
  /** Calls listener(change) for every change for as long as the page lives. */
  always(listener) {
    lasting.add(listener);
  },
  /** Forgets every view's watches: the shell calls it before showing another view. */
  reset() {
    listeners.clear();
  },
};

/**
 * Calls refresh() soon after a change whose event type starts with one of the prefixes (e.g. 'did.Did',
 * 'package.'): first within half a second, then at most every 1.5 s while changes keep coming, and again 1.5 s
 * and 5 s after the last, because the read models behind a list follow the events a moment later. With `subject`
 * (a DID number, a client's id...) only changes to it count; a change naming the most subjects the stream names
 * (LiveChange.MAX_SUBJECTS, 100) may have left it out, and counts too. Returns a function that stops the watch.
 */
export function whenChanged(prefixes, refresh, { subject } = {}) {
  let soon = null;
  let trailing = null;
  let late = null;
  let lastRun = 0;
  const run = () => {
    soon = null;
    lastRun = Date.now();
    refresh();
  };
  const listener = (change) => {
    if (!change.types.some((type) => type === '*' || prefixes.some((prefix) => type.startsWith(prefix)))) return;
    if (subject && !change.types.includes('*') && change.subjects.length < MAX_SUBJECTS
      && !change.subjects.includes(subject)) return;
    if (!soon) soon = setTimeout(run, Math.max(400, 1500 - (Date.now() - lastRun)));
    clearTimeout(trailing);
    clearTimeout(late);
    trailing = setTimeout(run, 1500);
    late = setTimeout(run, 5000);
  };
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    clearTimeout(soon);
    clearTimeout(trailing);
    clearTimeout(late);
  };
}
