// Audit: the event log (filter, export), a DID's history, a DID or the whole inventory as of a moment, other histories.
import { api } from '../api.js';
import {
  h, clear, table, pager, badge, when, count, field, input, select, facts, problem, loading, attempt, drawer, mono, confirm,
  shortId, isoFromLocal, localFromIso, dateTimeInput, empty, toast, yesNo, plural,
} from '../dom.js';
import { isNumber, normaliseNumber } from '../numbers.js';
import { session, lookups } from '../session.js';
import { loadHistory } from './history.js';
import { STATUSES } from './dids.js';
import { verifyView } from './audit-verify.js';

const SECTIONS = [
  ['events', 'Event log'],
  ['did', 'DID history'],
  ['as-of', 'As of a moment'],
  ['entity', 'Other histories'],
  ['verify', 'Verify'],
];

const eventState = { filter: {}, page: 0, size: 50, sort: 'at,desc' };

export default {
  id: 'audit',
  title: 'Audit',
  render(root, [section = 'events', arg]) {
    const body = h('div');
    root.append(
      h('div.page-head', h('h1', 'Audit'),
        h('div.actions',
        session.can.admin() && h('button.small', { onclick: rebuild, title: 'Rebuild every audit projection from the stored events' }, 'Rebuild projections…'),
        h('nav.subtabs', SECTIONS.filter(([id]) => id !== 'verify' || session.can.verifyAudit()).map(([id, label]) => h('a', { href: `#/audit/${id}`, class: id === section ? 'active' : '' }, label))))),
      body);
    ({ events: eventLog, did: didHistory, 'as-of': asOf, entity: entityHistory, verify: verifyView }[section] || eventLog)(body, arg);
  },
};

/**
 * Admin only: starts a rebuild of the audit projections (a job: 202, or 409 while one runs), follows it until it
 * ends and shows the service's report (counts and content hash before and after, identical?).
 */
async function rebuild() {
  const ok = await confirm('Rebuild the audit projections?',
    'Every projection is rebuilt from the stored events and compared with the current one. It may take a while; live events wait meanwhile.', { label: 'Rebuild', danger: false });
  if (!ok) return;
  const started = await attempt(async () => (await api.post('/api/audit/rebuild')).body);
  if (!started?.id) return;
  let open = true;
  const panel = drawer('Rebuild of the audit projections', { onClose: () => { open = false; } });
  const box = h('div');
  panel.body.append(box, h('p.muted.hint', 'Closing this panel does not stop the rebuild.'));
  let job = started;
  clear(box, rebuildReport(job));
  while (open && job.state === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      job = await api.get(`/api/audit/rebuild/${encodeURIComponent(started.id)}`);
    } catch (e) {
      clear(box, rebuildReport(job), problem(e));
      return;
    }
    if (open) clear(box, rebuildReport(job));
  }
  if (job.state === 'COMPLETED') toast(job.identical ? 'Rebuild finished: identical projections' : 'Rebuild finished: the projections DIFFER', job.identical ? 'ok' : 'error');
  else if (job.state === 'FAILED') toast('Rebuild failed', 'error');
}

function rebuildReport(job) {
  const tables = [...new Set([...Object.keys(job.before?.rows || {}), ...Object.keys(job.after?.rows || {})])].sort();
  return h('div.job',
    h('div.job-state', badge(job.state), h('span.muted', ` rebuild · ${job.id ?? ''}`)),
    job.detail && h('div.notice', job.detail),
    facts([
      ['Started', when(job.startedAt)],
      ['By', job.actor || ''],
      job.finishedAt && ['Finished', when(job.finishedAt)],
      job.tookMillis !== undefined && ['Took', `${count(job.tookMillis)} ms`],
      job.events !== undefined && ['Events replayed', count(job.events)],
      job.identical !== undefined && ['Identical', yesNo(job.identical)],
    ]),
    tables.length > 0 && h('table.data.compact',
      h('thead', h('tr', h('th', 'Projection'), h('th.num', 'Rows before'), h('th.num', 'Rows after'))),
      h('tbody', tables.map((t) => h('tr', h('td.mono', t), h('td.num', count(job.before?.rows?.[t])), h('td.num', count(job.after?.rows?.[t])))))),
    job.before && facts([['SHA-256 before', mono(job.before.sha256)], ['SHA-256 after', mono(job.after?.sha256)]]));
}

function filterForm(fields, onSubmit, extra = []) {
  const form = h('form.filters', { role: 'search' }, fields, h('div.filter-actions', h('button.primary', { type: 'submit' }, 'Search'), extra));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit(Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim()).map(([k, v]) => [k, String(v).trim()])));
  });
  return form;
}

function eventLog(root) {
  const results = h('div.results');
  const toQuery = (f) => ({ ...f, from: isoFromLocal(f.from), to: isoFromLocal(f.to) });
  const exportButton = (format) => session.can.exportAudit() && h('button', {
    type: 'button',
    onclick: () => attempt(() => api.download('/api/audit/export', { ...toQuery(eventState.filter), format }, `audit-events.${format}`),
      (r) => `Exported ${r.name}`),
  }, `Export ${format.toUpperCase()}`);
  const f = eventState.filter;
  root.append(filterForm([
    field('Type', input('type', { value: f.type || '', placeholder: 'e.g. DidHeld', size: 16 })),
    field('Subject', input('subject', { value: f.subject || '', placeholder: 'number or id', size: 16 })),
    field('Actor', input('actor', { value: f.actor || '', size: 10 })),
    field('Correlation id', input('correlationId', { value: f.correlationId || '', size: 14 })),
    field('From', dateTimeInput('from', { value: f.from || '' })),
    field('To', dateTimeInput('to', { value: f.to || '' })),
  ], (filter) => { eventState.filter = filter; eventState.page = 0; refresh(); }, [exportButton('csv'), exportButton('xlsx')]), results);

  async function refresh() {
    clear(results, loading());
    try {
      const page = await api.get('/api/audit/events', { ...toQuery(eventState.filter), page: eventState.page, size: eventState.size, sort: eventState.sort });
      clear(results, table({
        rows: page.content || [], key: (e) => e.eventId, emptyText: 'No events match.',
        onOpen: openEvent, sort: eventState.sort, onSort: (order) => { eventState.sort = order; eventState.page = 0; refresh(); },
        columns: [
          { label: 'At', sort: 'at', value: (e) => when(e.at) },
          { label: 'Type', sort: 'type', value: (e) => h('strong', { title: e.type }, String(e.type || '').replace(/^did\./, '').replace(/\.v\d+$/, '')) },
          { label: 'Subject', sort: 'subject', value: (e) => mono(e.subject) },
          { label: 'Actor', sort: 'actor', value: (e) => e.actor || '' },
          { label: 'Source', sort: 'source', value: (e) => h('span.muted', e.source || '') },
          { label: 'Correlation', value: (e) => shortId(e.correlationId) },
        ],
      }), h('div.table-foot', pager(page.page, (n) => { eventState.page = n; refresh(); })));
    } catch (e) {
      clear(results, problem(e));
    }
  }
  refresh();
}

function openEvent(event) {
  const panel = drawer(String(event.type || 'Event').replace(/^did\./, ''));
  const isDid = isNumber(event.subject);
  panel.body.append(h('div',
    facts(Object.entries(event).filter(([k]) => k !== 'data').map(([k, v]) => [k, k === 'at' ? when(v) : mono(v)])),
    event.data && [h('h3', 'Payload'), h('pre.json', JSON.stringify(event.data, null, 2))],
    h('div.actions',
      isDid && h('a.button', { href: `#/audit/did/${event.subject}` }, 'DID history'),
      event.correlationId && h('button', {
        onclick: () => {
          eventState.filter = { correlationId: event.correlationId };
          eventState.page = 0;
          panel.close();
          // Re-render the event log even when its address is already the current one.
          if (location.hash === '#/audit/events') dispatchEvent(new HashChangeEvent('hashchange'));
          else location.hash = '#/audit/events';
        },
      }, 'Same correlation'))));
}

function didHistory(root, initial) {
  const box = h('section.card');
  root.append(filterForm([field('DID number', input('number', { required: true, value: initial || '', inputmode: 'tel', size: 18 }))],
    ({ number }) => show(number)), box);
  function show(written) {
    let number;
    try {
      number = normaliseNumber(written);
    } catch (e) {
      return clear(box, problem(e));
    }
    history.replaceState(null, '', `#/audit/did/${number}`);
    clear(box, h('h3', `History of ${number}`), h('div'));
    loadHistory(`/api/audit/dids/${encodeURIComponent(number)}/history`, box.lastChild);
  }
  if (initial) show(initial);
  else box.append(empty('Enter a number to see every change to it: who, when, what, and what caused it.'));
}

function asOf(root) {
  const now = localFromIso(new Date().toISOString(), { seconds: true });
  const didBox = h('div');
  root.append(h('section.card', h('h2', 'One DID as of a moment'),
    filterForm([
      field('DID number', input('number', { required: true, inputmode: 'tel', size: 18 })),
      field('At', dateTimeInput('at', { required: true, value: now })),
    ], async ({ number, at }) => {
      clear(didBox, loading());
      try {
        const [d, operatorNames, clientNames] = await Promise.all([
          api.get(`/api/audit/dids/${encodeURIComponent(normaliseNumber(number))}`, { at: isoFromLocal(at) }),
          lookups.names('operators'), lookups.names('clients')]);
        // people read names; the id stays beside it for whoever needs to search by it
        const named = (names, id) => (names.get(id) ? h('span', h('strong', names.get(id)), ' ', mono(id)) : mono(id));
        const shown = (k, v) => (k === 'status' || k === 'afterHoldStatus' ? badge(v) : /At$|Until$/.test(k) ? when(v)
          : k === 'operatorId' ? named(operatorNames, v) : k === 'clientId' ? named(clientNames, v) : mono(v));
        clear(didBox, d ? facts(Object.entries(d).map(([k, v]) => [k, shown(k, v)])) : empty('It did not exist then.'));
      } catch (e) {
        clear(didBox, problem(e));
      }
    }), didBox));

  const inventoryBox = h('div');
  const operator = select('operatorId', [], { blank: 'Any operator' });
  const client = select('clientId', [], { blank: 'Any client' });
  lookups.options('operators').then((o) => o.forEach(([v, l]) => operator.append(new Option(l, v))));
  lookups.options('clients').then((o) => o.forEach(([v, l]) => client.append(new Option(l, v))));
  let query = null;
  let order = 'number,asc';
  root.append(h('section.card', h('h2', 'The whole inventory as of a moment'),
    filterForm([
      field('At', dateTimeInput('at', { required: true, value: now })),
      field('Status', select('status', STATUSES, { blank: 'Any status' })),
      field('Operator', operator), field('Tag', input('tag', { size: 10 })), field('Client', client),
    ], (filter) => { query = { ...filter, at: isoFromLocal(filter.at) }; load(0); }), inventoryBox));

  async function load(pageNumber) {
    clear(inventoryBox, loading());
    try {
      const [page, operatorNames, clientNames] = await Promise.all([
        api.get('/api/audit/inventory', { ...query, page: pageNumber, size: 50, sort: order }), lookups.names('operators'), lookups.names('clients')]);
      clear(inventoryBox,
        h('p.muted', 'As of ', when(query.at), `: ${plural(page.page?.totalElements ?? 0, 'DID')}`),
        table({
          rows: page.content || [], key: (d) => d.number, emptyText: 'No DIDs then.',
          sort: order, onSort: (next) => { order = next; load(0); },
          columns: [
            { label: 'Number', sort: 'number', value: (d) => h('a.mono.strong', { href: `#/audit/did/${d.number}` }, d.number) },
            { label: 'Status', sort: 'status', value: (d) => badge(d.status) },
            { label: 'Operator', sort: 'operatorId', value: (d) => operatorNames.get(d.operatorId) || shortId(d.operatorId) },
            { label: 'Tag', sort: 'tag', value: (d) => d.tag || '' },
            { label: 'Client', sort: 'clientId', value: (d) => clientNames.get(d.clientId) || shortId(d.clientId) },
            { label: 'Destination', sort: 'destination', value: (d) => mono(d.destination) },
          ],
        }),
        h('div.table-foot', pager(page.page, load)));
    } catch (e) {
      clear(inventoryBox, problem(e));
    }
  }
}

function entityHistory(root) {
  const KINDS = [['operators', 'Operator'], ['packages', 'Package'], ['client-packages', 'Client package'], ['clients', 'Client']];
  const box = h('section.card');
  const kind = select('kind', KINDS, { value: 'operators' });
  const id = input('id', { required: true, list: 'entity-ids', placeholder: 'id', size: 38 });
  const ids = h('datalist', { id: 'entity-ids' });
  const fillIds = async () => {
    const lookup = { operators: 'operators', packages: 'packages', clients: 'clients' }[kind.value];
    clear(ids, ...(lookup ? (await lookups.options(lookup)).map(([v, l]) => h('option', { value: v }, l)) : []));
  };
  kind.addEventListener('change', fillIds);
  fillIds();
  root.append(filterForm([field('Kind', kind), field('Id', id), ids], (v) => {
    clear(box, h('div'));
    loadHistory(`/api/audit/${v.kind}/${encodeURIComponent(v.id)}/history`, box.firstChild);
  }), box);
}
