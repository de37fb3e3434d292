// DIDs: search with counts per status, create (one, list, range), import, export, mass edit and delete, details.
import { api } from '../api.js';
import {
  h, clear, table, pager, badge, when, count, field, input, select, dialog, confirm, drawer, facts, problem,
  loading, toast, attempt, shortId, mono, plural,
} from '../dom.js';
import { normaliseNumber, numberPrefix } from '../numbers.js';
import { session, lookups } from '../session.js';
import { followJob, isJob } from './jobs.js';
import { previewThenRun } from './dry-run.js';
import { loadHistory } from './history.js';
import { whenChanged } from '../live.js';
import { reservationBox } from './reservation.js';

export const STATUSES = ['IN_STOCK', 'RESERVED', 'ARCHIVE', 'ACTIVE', 'BLOCKED', 'HOLD'];
export const STAFF_STATUSES = ['IN_STOCK', 'RESERVED', 'ARCHIVE'];
const FILTER_KEYS = ['number', 'status', 'operatorId', 'tag', 'clientId'];

const state = { user: null, filter: {}, page: 0, size: 50, sort: 'number,asc', selection: new Set() };

export default {
  id: 'dids',
  title: 'DIDs',
  render(root, [number], params = {}) {
    // what one user selected is never another's to act on (they share the page after a log out and in)
    if (state.user !== session.user?.name) {
      Object.assign(state, { user: session.user?.name, filter: {}, page: 0, selection: new Set() });
    }
    const linked = Object.fromEntries(FILTER_KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
    if (Object.keys(linked).length) {
      state.filter = linked;
      state.page = 0;
      state.selection.clear();
    }
    const counts = h('div.chips');
    const selectionBar = h('div.selection-bar', { hidden: true });
    const matching = h('div.actions.matching');
    const results = h('div.results');
    // a new filter drops the selection: "Delete selected" must never reach rows the list no longer shows
    const filters = filterForm(() => { state.page = 0; state.selection.clear(); refresh(); });

    root.append(
      h('div.page-head', h('h1', 'DIDs'), h('div.actions',
        session.can.write() && h('button.primary', { onclick: () => createDids().then(changed) }, '+ New DIDs'),
        session.can.write() && h('button', { onclick: () => importFile().then(changed) }, 'Import…'),
        h('button', { onclick: () => exportDids('csv') }, 'Export CSV'),
        h('button', { onclick: () => exportDids('xlsx') }, 'Export XLSX'))),
      filters.form, h('div.counts-row', counts, matching), selectionBar, results);

    /** Refreshes now, and once more when the read model has surely caught up with the change. */
    function changed(result) {
      if (result) {
        refresh();
        setTimeout(refresh, 1500);
      }
    }

    /** quiet: a reload because something changed elsewhere, drawn over the old page without a spinner. */
    async function refresh({ quiet = false } = {}) {
      if (!quiet) clear(results, loading());
      const query = { ...state.filter, page: state.page, size: state.size, sort: state.sort };
      let page;
      try {
        page = await api.get('/api/dids', query);
      } catch (e) {
        clear(results, problem(e));
        clear(counts);
        return;
      }
      const [operatorNames, clientNames] = await Promise.all([lookups.names('operators'), lookups.names('clients')]);
      renderTable(page, operatorNames, clientNames);
      renderMatching(page.page?.totalElements ?? 0);
      renderCounts(page.counts);
    }

    function renderTable(page, operatorNames, clientNames) {
      const rows = page.content || [];
      clear(results,
        table({
          rows, key: (d) => d.number, sort: state.sort, onSort: (order) => { state.sort = order; state.page = 0; refresh(); },
          selection: session.can.write() ? state.selection : null,
          onSelect: (redraw) => { renderSelection(page); if (redraw === true) renderTable(page, operatorNames, clientNames); },
          onOpen: (d) => openDid(d.number, refresh),
          emptyText: 'No DIDs match this filter.',
          columns: [
            { label: 'Number', sort: 'number', value: (d) => h('span.mono.strong', d.number) },
            { label: 'Status', sort: 'status', value: (d) => badge(d.status) },
            { label: 'After hold', value: (d) => h('span.muted', (d.afterHoldStatus || '').replaceAll('_', ' ')) },
            { label: 'Operator', value: (d) => operatorNames.get(d.operatorId) || shortId(d.operatorId) },
            { label: 'Tag', sort: 'tag', value: (d) => d.tag ? h('span.tag', d.tag) : '' },
            { label: 'Client', value: (d) => clientNames.get(d.clientId) || shortId(d.clientId) },
            { label: 'Destination', value: (d) => mono(d.destination) },
            { label: 'Hold until', value: (d) => when(d.holdUntil) },
            { label: 'Notes', value: (d) => h('span.clip', { title: d.notes || '' }, d.notes || '') },
          ],
        }),
        h('div.table-foot', pager(page.page, (n) => { state.page = n; refresh(); }),
          select('size', [25, 50, 100, 200, 500].map((n) => [n, `${n} per page`]), {
            value: state.size, 'aria-label': 'Page size',
            onchange: (e) => { state.size = Number(e.target.value); state.page = 0; refresh(); },
          })));
      renderSelection(page);
    }

    function renderSelection(page) {
      const n = state.selection.size;
      selectionBar.hidden = n === 0;
      clear(selectionBar,
        h('strong', `${count(n)} selected`),
        h('button', { onclick: () => massEdit({ numbers: [...state.selection] }, n).then(done) }, 'Edit selected…'),
        session.can.delete() && h('button.danger', { onclick: () => massDelete({ numbers: [...state.selection] }, n).then(done) }, 'Delete selected…'),
        h('button.ghost', { onclick: () => { state.selection.clear(); refresh(); } }, 'Clear selection'));
    }

    /** Mass edit or delete of every DID the current filter selects, not just the selected rows. */
    function renderMatching(total) {
      const filtered = Object.keys(state.filter).length > 0;
      clear(matching, filtered && total > 0 && session.can.write() && [
        h('button.small', { onclick: () => massEdit({ filter: state.filter }, total).then(done) }, `Edit all ${count(total)} matching…`),
        session.can.delete() && h('button.small.danger-text', { onclick: () => massDelete({ filter: state.filter }, total).then(done) }, `Delete all ${count(total)} matching…`),
      ]);
    }

    function done(result) {
      if (result) state.selection.clear();
      changed(result);
    }

    /** Counts per status come with the page when the service sends them, else one small query per status. */
    async function renderCounts(given) {
      const base = { ...state.filter, status: undefined };
      let byStatus = given;
      if (!byStatus) {
        clear(counts, h('span.muted', 'Counting…'));
        const totals = await Promise.all(STATUSES.map((status) => api.get('/api/dids', { ...base, status, size: 1 })
          .then((p) => p.page?.totalElements ?? 0).catch(() => null)));
        if (totals.every((t) => t === null)) return clear(counts);
        byStatus = Object.fromEntries(STATUSES.map((s, i) => [s, totals[i] ?? 0]));
      }
      const total = Object.values(byStatus).reduce((a, b) => a + (b || 0), 0);
      const chip = (status, label, n) => h('button.chip', {
        class: (state.filter.status || '') === status ? 'active' : '', dataset: { value: status || 'ALL' },
        onclick: () => { filters.set('status', status); state.page = 0; refresh(); },
      }, h('span', label), h('strong', count(n)));
      clear(counts, chip('', 'All', total), STATUSES.map((s) => chip(s, s.replaceAll('_', ' '), byStatus[s] || 0)));
    }

    async function exportDids(format) {
      await attempt(() => api.download('/api/dids/export', { ...state.filter, format }, `dids.${format}`),
        (r) => `Exported ${r.name} (${count(Math.round(r.size / 1024))} KB)`);
    }

    whenChanged(['did.Did', 'client.DidAssignment'], () => refresh({ quiet: true }));
    if (number) openDid(number, refresh);
    refresh();
  },
};

function filterForm(onSearch) {
  const operator = select('operatorId', [], { blank: 'Any operator' });
  const client = select('clientId', [], { blank: 'Any client' });
  lookups.options('operators').then((o) => o.forEach(([v, l]) => operator.append(new Option(l, v, false, v === state.filter.operatorId))));
  lookups.options('clients').then((o) => o.forEach(([v, l]) => client.append(new Option(l, v, false, v === state.filter.clientId))));
  const form = h('form.filters', { role: 'search' },
    field('Number starts with', input('number', { value: state.filter.number || '', inputmode: 'numeric', placeholder: 'e.g. 1555', size: 14 })),
    field('Status', select('status', STATUSES, { blank: 'Any status', value: state.filter.status || '' })),
    field('Operator', operator),
    field('Tag', input('tag', { value: state.filter.tag || '', size: 10 })),
    field('Client', client),
    h('div.filter-actions',
      h('button.primary', { type: 'submit' }, 'Search'),
      h('button.ghost', { type: 'button', onclick: () => { form.reset(); [...form.elements].forEach((e) => { if (e.name) e.value = ''; }); read(); onSearch(); } }, 'Clear')));
  const read = () => {
    const data = Object.fromEntries(new FormData(form));
    state.filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, k === 'number' ? prefixOrAsWritten(data[k]) : (data[k] || '').trim()]).filter(([, v]) => v));
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); read(); onSearch(); });
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') { read(); onSearch(); } });
  return {
    form,
    set(name, value) {
      form.elements[name].value = value;
      read();
    },
  };
}

/** Operator, status, afterHoldStatus, tag and notes: the fields shared by create, import and edit forms. */
async function didFields({ operatorRequired = true, unchangedLabel, values = {}, withNotes = true, tagHint } = {}) {
  const operators = await lookups.options('operators');
  const blank = unchangedLabel ?? (operatorRequired ? undefined : 'From the file / none');
  const operatorControl = operators.length
    ? select('operatorId', operators, { blank: blank ?? 'Choose an operator', value: values.operatorId, required: operatorRequired })
    : input('operatorId', { placeholder: 'Operator id', required: operatorRequired, value: values.operatorId || '' });
  return [
    field('Operator', operatorControl, operators.length ? null : 'Operators could not be loaded: type the id.'),
    h('div.row',
      field('Status', select('status', STAFF_STATUSES, { blank: unchangedLabel, value: values.status ?? (unchangedLabel === undefined ? 'IN_STOCK' : '') })),
      field('After hold', select('afterHoldStatus', STAFF_STATUSES, { blank: unchangedLabel, value: values.afterHoldStatus ?? (unchangedLabel === undefined ? 'IN_STOCK' : '') }))),
    field('Tag', input('tag', { value: values.tag || '', placeholder: tagHint ?? (unchangedLabel ? 'leave empty to keep' : 'e.g. nyc'), maxlength: 100 })),
    withNotes && field('Notes', h('textarea', { name: 'notes', rows: 2, maxlength: 1000, placeholder: unchangedLabel ? 'leave empty to keep' : '' }, values.notes || '')),
  ];
}

/** A search prefix's digits; what is not one is sent as written, for the service to say why. */
function prefixOrAsWritten(written = '') {
  try {
    return numberPrefix(written);
  } catch {
    return written.trim();
  }
}

/** A list's numbers are checked one by one by the job, which reports each bad one: those are sent as written. */
function numberOrAsWritten(written) {
  try {
    return normaliseNumber(written);
  } catch {
    return written.trim();
  }
}

async function createDids() {
  const mode = h('div.segmented', { role: 'radiogroup' },
    ['one', 'list', 'range'].map((m, i) => h('label', h('input', { type: 'radio', name: 'mode', value: m, checked: i === 0 }), { one: 'One number', list: 'A list', range: 'A range' }[m])));
  const one = field('Number', input('number', { placeholder: '+1 555 000 0000', inputmode: 'tel' }));
  const list = field('Numbers', h('textarea', { name: 'numbers', rows: 5, placeholder: 'One per line, or separated by commas' }), 'Each number is checked on its own; bad ones are reported.');
  const range = h('div.row', field('From', input('from', { inputmode: 'numeric', placeholder: '15550000000' })), field('To (included)', input('to', { inputmode: 'numeric', placeholder: '15550000999' })));
  const show = (m) => { one.hidden = m !== 'one'; list.hidden = m !== 'list'; range.hidden = m !== 'range'; };
  mode.addEventListener('change', (e) => show(e.target.value));
  show('one');
  const result = await dialog({
    title: 'New DIDs',
    fields: [mode, one, list, range, ...(await didFields())],
    submitLabel: 'Create',
    submit: async (v) => {
      const body = { operatorId: v.operatorId, status: v.status, afterHoldStatus: v.afterHoldStatus, tag: v.tag, notes: v.notes };
      if (v.mode === 'one') body.number = normaliseNumber(v.number);
      if (v.mode === 'list') body.numbers = (v.numbers || '').split(/[\n,;]+/).filter((n) => n.trim()).map(numberOrAsWritten);
      if (v.mode === 'range') body.range = `${normaliseNumber(v.from)}-${normaliseNumber(v.to)}`;
      return (await api.post('/api/dids', body)).body;
    },
  });
  return announce(result, 'Creating DIDs', (d) => `DID ${d.number} created`);
}

/** A created resource gets a toast; a job (202) is followed in its own dialog. */
async function announce(result, jobTitle, message) {
  if (!result) return result;
  if (isJob(result)) return followJob(result, jobTitle);
  toast(typeof message === 'function' ? message(result) : message);
  return result;
}

async function importFile() {
  const fields = [
    field('File', input('file', { type: 'file', accept: '.csv,.xls,.xlsx', required: true }),
      'Columns: did, operator (id or name), status, afterHoldStatus, tag, notes. Header row required; "," or ";".'),
    h('p.muted.small', 'Defaults for columns the file does not have:'),
    ...(await didFields({ operatorRequired: false, unchangedLabel: 'From the file', withNotes: false, tagHint: 'used for rows without a tag' })),
  ];
  let data;
  const preview = await dialog({
    title: 'Import DIDs',
    intro: 'The file is first checked as a dry run: you see what would be created and refused, then run it for real.',
    fields,
    submitLabel: 'Upload and preview',
    submit: async (v, form) => {
      data = new FormData();
      data.append('file', form.elements.file.files[0]);
      for (const key of ['operatorId', 'status', 'afterHoldStatus', 'tag']) if (v[key]) data.append(key, v[key]);
      return (await api.upload('/api/dids/import?dryRun=true', data)).body;
    },
  });
  return previewThenRun(preview, async () => (await api.upload('/api/dids/import', data)).body, 'Importing DIDs');
}

/** selection: {numbers: [...]} or {filter: {...}} — the two ways PATCH/DELETE /api/dids select DIDs. */
async function massEdit(selection, n) {
  let request;
  const preview = await dialog({
    title: selection.filter ? `Edit all ${plural(n, 'DID')} matching the filter` : `Edit ${plural(n, 'DID')}`,
    intro: 'Only the fields you fill in are changed. Status can be set only for DIDs not held by a client. '
      + 'You first see a preview (a dry run), then run it for real.',
    fields: await didFields({ operatorRequired: false, unchangedLabel: 'Keep as is' }),
    submitLabel: 'Preview',
    submit: async (changes) => {
      if (!Object.keys(changes).length) throw new Error('Fill in at least one field to change.');
      // a filter's count may have grown since it was shown: the service refuses rather than change more
      request = { ...selection, ...changes, expectedCount: selection.filter ? n : undefined };
      return (await api.patch('/api/dids?dryRun=true', request)).body ?? {};
    },
  });
  return previewThenRun(preview, async () => (await api.patch('/api/dids', request)).body ?? {}, 'Editing DIDs');
}

async function massDelete(selection, n) {
  const ok = await confirm(selection.filter ? `Delete all ${plural(n, 'DID')} matching the filter?` : `Delete ${plural(n, 'DID')}?`,
    'Only IN_STOCK, RESERVED and ARCHIVE numbers can be deleted; the others are reported. Their history stays in the audit log.',
    { label: 'Preview the delete' });
  if (!ok) return undefined;
  const request = { ...selection, expectedCount: selection.filter ? n : undefined };
  const preview = await attempt(async () => (await api.delete('/api/dids?dryRun=true', request)).body ?? {});
  return previewThenRun(preview, async () => (await api.delete('/api/dids', request)).body ?? {}, 'Deleting DIDs');
}

/** The detail panel of one DID: its fields, an edit form, routing, and its audit history. */
export async function openDid(number, onChange) {
  // the panel follows changes made elsewhere (another user, a take, a hold) while it is open
  const unwatch = whenChanged(['did.'], () => {
    load();
    loadHistory(`/api/audit/dids/${encodeURIComponent(number)}/history`, historyBox);
  }, { subject: number });
  const panel = drawer(`DID ${number}`, {
    onClose: () => {
      unwatch();
      if (location.hash.startsWith('#/dids/')) history.replaceState(null, '', '#/dids');
    },
  });
  history.replaceState(null, '', `#/dids/${encodeURIComponent(number)}`);
  const details = h('div', loading());
  const historyBox = h('div');
  panel.body.append(details, reservationBox(number, () => { load(); onChange?.(); }), h('h3', 'History'), historyBox);
  loadHistory(`/api/audit/dids/${encodeURIComponent(number)}/history`, historyBox);

  /** Shows `known` (what a command answered) or else what the read model has now. */
  async function load(known) {
    let did = known;
    try {
      did ??= await api.get(`/api/dids/${encodeURIComponent(number)}`);
    } catch (e) {
      return clear(details, problem(e));
    }
    const [operatorNames, clientNames] = await Promise.all([lookups.names('operators'), lookups.names('clients')]);
    const staffStatus = STAFF_STATUSES.includes(did.status);
    clear(details,
      facts([
        ['Status', badge(did.status)],
        ['After hold', badge(did.afterHoldStatus)],
        ['Operator', operatorNames.get(did.operatorId) || mono(did.operatorId)],
        ['Tag', did.tag],
        ['Notes', did.notes],
        ['Client', did.clientId && h('a', { href: `#/clients/${did.clientId}` }, clientNames.get(did.clientId) || did.clientId)],
        ['Client package', mono(did.clientPackageId)],
        ['Destination', mono(did.destination)],
        ['Hold until', when(did.holdUntil)],
      ]),
      h('div.actions',
        session.can.write() && h('button.primary', { onclick: () => edit(did, staffStatus) }, 'Edit…'),
        h('button', { onclick: () => { location.hash = `#/routing/${did.number}`; } }, 'Check routing'),
        session.can.delete() && h('button.danger', {
          disabled: !staffStatus, title: staffStatus ? '' : 'Only IN_STOCK, RESERVED or ARCHIVE DIDs can be deleted',
          onclick: () => remove(did),
        }, 'Delete…')));
  }

  async function edit(did, staffStatus) {
    const fields = await didFields({ values: did });
    if (!staffStatus) fields[1].querySelector('[name=status]').disabled = true;
    const updated = await dialog({
      title: `Edit DID ${did.number}`,
      intro: staffStatus ? null : `Its status (${did.status}) is set by its client's lifecycle and cannot be edited here.`,
      fields,
      submit: async (v) => {
        const changes = { operatorId: v.operatorId, afterHoldStatus: v.afterHoldStatus, tag: v.tag ?? '', notes: v.notes ?? '' };
        if (staffStatus) changes.status = v.status;
        return (await api.patch(`/api/dids/${encodeURIComponent(did.number)}`, changes)).body ?? {};
      },
    });
    if (updated) {
      toast(`DID ${did.number} updated`);
      // The answer is the DID after the change; the search and the audit log catch up a moment later.
      load(updated.number ? updated : undefined);
      onChange?.();
      setTimeout(() => {
        onChange?.();
        loadHistory(`/api/audit/dids/${encodeURIComponent(number)}/history`, historyBox);
      }, 1500);
    }
  }

  async function remove(did) {
    if (!(await confirm(`Delete DID ${did.number}?`, 'It leaves the inventory; its history stays in the audit log.', { label: 'Delete' }))) return;
    if (await attempt(() => api.delete(`/api/dids/${encodeURIComponent(did.number)}`), `DID ${did.number} deleted`)) {
      panel.close();
      onChange?.();
    }
  }

  load();
}
