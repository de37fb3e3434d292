// A paged list with create, edit and delete: the shape shared by operators, packages and clients.
import { api } from '../api.js';
import { h, clear, table, pager, dialog, confirm, problem, loading, toast, attempt, field, input } from '../dom.js';
import { session, lookups } from '../session.js';
import { whenChanged } from '../live.js';

/**
 * spec: {title, singular, path, sort, columns, form(values) -> fields, body(formValues) -> request body,
 *        deletable, search: [{name, label}], rowActions(row, refresh) -> nodes, onOpen(row, refresh),
 *        live: event type prefixes whose changes reload the list}
 */
export function crudView(spec) {
  return (root) => {
    const state = { page: 0, size: 50, filter: {}, sort: spec.sort };
    const results = h('div.results');
    const filters = spec.search && h('form.filters', { role: 'search' },
      spec.search.map((s) => field(s.label, s.control ? s.control() : input(s.name, { size: 18 }))),
      h('div.filter-actions', h('button.primary', { type: 'submit' }, 'Search')));
    filters?.addEventListener('submit', (e) => {
      e.preventDefault();
      state.filter = Object.fromEntries([...new FormData(filters)].filter(([, v]) => String(v).trim()));
      state.page = 0;
      refresh();
    });
    filters?.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') filters.requestSubmit(); });

    root.append(
      h('div.page-head', h('h1', spec.title), h('div.actions',
        session.can.write() && h('button.primary', { onclick: () => edit() }, `+ New ${spec.singular}`))),
      filters || '', results);

    /** quiet: a reload because something changed elsewhere, drawn over the old list without a spinner. */
    async function refresh({ quiet = false } = {}) {
      if (!quiet) clear(results, loading());
      try {
        const page = await api.get(spec.path, { ...state.filter, page: state.page, size: state.size, sort: state.sort });
        const rows = page.content || [];
        const context = spec.prepare ? await spec.prepare(rows) : {};
        clear(results,
          table({
            rows, sort: state.sort, onSort: (order) => { state.sort = order; state.page = 0; refresh(); },
            onOpen: spec.onOpen ? (row) => spec.onOpen(row, refresh) : (session.can.write() ? (row) => edit(row) : null),
            emptyText: `No ${spec.title.toLowerCase()} yet.`,
            columns: [...spec.columns(context), {
              label: '', class: 'row-actions', value: (row) => h('div.row-actions',
                spec.rowActions?.(row, refresh) || '',
                session.can.write() && h('button.small', { onclick: () => edit(row) }, 'Edit'),
                spec.deletable && session.can.delete() && h('button.small.danger-text', { onclick: () => remove(row) }, 'Delete')),
            }],
          }),
          h('div.table-foot', pager(page.page, (n) => { state.page = n; refresh(); })));
      } catch (e) {
        clear(results, problem(e));
      }
    }

    async function edit(row) {
      const saved = await dialog({
        title: row ? `Edit ${spec.singular} ${row.name ?? ''}` : `New ${spec.singular}`,
        fields: await spec.form(row || {}),
        submitLabel: row ? 'Save' : 'Create',
        submit: async (values) => {
          const body = spec.body(values);
          // PUT may answer 204 without a body: still a success.
          return row ? (await api.put(`${spec.path}/${row.id}`, body)) ?? {} : (await api.post(spec.path, body)).body ?? {};
        },
      });
      if (saved) {
        toast(`${spec.singular[0].toUpperCase()}${spec.singular.slice(1)} ${row ? 'saved' : 'created'}`);
        lookups.forget(spec.path);
        refresh();
      }
    }

    async function remove(row) {
      if (!(await confirm(`Delete ${spec.singular} ${row.name ?? row.id}?`, 'This cannot be undone; the audit log keeps its history.', { label: 'Delete' }))) return;
      if (await attempt(() => api.delete(`${spec.path}/${row.id}`), `${spec.singular} deleted`)) {
        lookups.forget(spec.path);
        refresh();
      }
    }

    if (spec.live) whenChanged(spec.live, () => refresh({ quiet: true }));
    refresh();
    return { refresh };
  };
}
