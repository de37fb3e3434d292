// Change history entries {eventId, type, at, actor, changes: {field: {from, to}}, causedBy, undoOfJob}, shown as a
// timeline.
import { api } from '../api.js';
import { h, clear, when, problem, loading, empty } from '../dom.js';
import { lookups } from '../session.js';

/** Which id fields name an entity whose name the reader would rather see. */
const NAMED = { operatorId: 'operators', clientId: 'clients', packageId: 'packages' };

const eventName = (type) => String(type || '').replace(/^did\./, '').replace(/\.v\d+$/, '');

function show(value, names) {
  if (value === null || value === undefined || value === '') return h('span.muted', '∅');
  if (names?.has(value)) return h('span', { title: value }, names.get(value));
  if (typeof value === 'object') return h('span.mono', JSON.stringify(value));
  return h('span.mono', String(value));
}

function changes(entry, names) {
  const list = Object.entries(entry.changes || {});
  if (!list.length) return h('span.muted', 'no field changed');
  return h('ul.changes', list.map(([name, change]) => h('li',
    h('span.field-name', name), ' ', show(change?.from, names[name]), h('span.arrow', ' → '), show(change?.to, names[name]))));
}

function cause(causedBy) {
  if (!causedBy) return '';
  if (typeof causedBy === 'string') return h('span.mono.id', { title: causedBy }, causedBy.slice(0, 8));
  return h('span', eventName(causedBy.type), ' ', h('span.mono.id', { title: causedBy.eventId }, String(causedBy.eventId || '').slice(0, 8)));
}

/** An undo's entry says what it did to the DID ("removed" when every field went) and which bulk job it undid. */
function undoOf(entry) {
  const removed = Object.values(entry.changes || {}).every((change) => change?.to === null || change?.to === undefined);
  return h('span.cause', `${removed ? 'removed' : 'restored'} by undo of job `,
    h('span.mono.id', { title: entry.undoOfJob }, entry.undoOfJob.slice(0, 8)));
}

export function historyTimeline(entries, names = {}) {
  if (!entries.length) return empty('No history recorded.');
  return h('ol.timeline', entries.map((entry) => h('li',
    h('div.timeline-head',
      h('strong', eventName(entry.type)),
      h('span.muted', ' by ', h('span.actor', entry.actor || 'unknown'), ' · '), when(entry.at),
      entry.causedBy && h('span.cause', 'caused by ', cause(entry.causedBy)),
      entry.undoOfJob && undoOf(entry)),
    changes(entry, names))));
}

/** Loads a history (a list, or a page of entries) into container. */
export async function loadHistory(path, container) {
  clear(container, loading());
  try {
    const result = await api.get(path, { size: 500 });
    const entries = Array.isArray(result) ? result : result?.content || result?.entries || [];
    const names = Object.fromEntries(await Promise.all(Object.entries(NAMED).map(async ([fieldName, kind]) => [fieldName, await lookups.names(kind)])));
    clear(container, historyTimeline(entries, names));
  } catch (e) {
    clear(container, e.code === 'NO_HISTORY' ? empty('No history recorded yet.') : problem(e));
  }
}
