// Change history entries {eventId, type, at, actor, changes: {field: {from, to}}, causedBy}, shown as a timeline.
import { api } from '../api.js';
import { h, clear, when, problem, loading, empty } from '../dom.js';

const eventName = (type) => String(type || '').replace(/^did\./, '').replace(/\.v\d+$/, '');

function show(value) {
  if (value === null || value === undefined || value === '') return h('span.muted', '∅');
  if (typeof value === 'object') return h('span.mono', JSON.stringify(value));
  return h('span.mono', String(value));
}

function changes(entry) {
  const list = Object.entries(entry.changes || {});
  if (!list.length) return h('span.muted', 'no field changed');
  return h('ul.changes', list.map(([name, change]) => h('li',
    h('span.field-name', name), ' ', show(change?.from), h('span.arrow', ' → '), show(change?.to))));
}

function cause(causedBy) {
  if (!causedBy) return '';
  if (typeof causedBy === 'string') return h('span.mono.id', { title: causedBy }, causedBy.slice(0, 8));
  return h('span', eventName(causedBy.type), ' ', h('span.mono.id', { title: causedBy.eventId }, String(causedBy.eventId || '').slice(0, 8)));
}

export function historyTimeline(entries) {
  if (!entries.length) return empty('No history recorded.');
  return h('ol.timeline', entries.map((entry) => h('li',
    h('div.timeline-head',
      h('strong', eventName(entry.type)),
      h('span.muted', ' by ', h('span.actor', entry.actor || 'unknown'), ' · '), when(entry.at),
      entry.causedBy && h('span.cause', 'caused by ', cause(entry.causedBy))),
    changes(entry))));
}

/** Loads a history (a list, or a page of entries) into container. */
export async function loadHistory(path, container) {
  clear(container, loading());
  try {
    const result = await api.get(path, { size: 500 });
    const entries = Array.isArray(result) ? result : result?.content || result?.entries || [];
    clear(container, historyTimeline(entries));
  } catch (e) {
    clear(container, problem(e));
  }
}
