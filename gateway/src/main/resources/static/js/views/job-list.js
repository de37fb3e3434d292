// Jobs: the recent bulk jobs (ranges, lists, imports, mass edits and deletes, undos); reopen one, its row report,
// cancel, undo.
import { api } from '../api.js';
import { h, clear, table, pager, badge, when, count, field, select, problem, loading } from '../dom.js';
import { followJob, jobActions } from './jobs.js';

const STATES = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];
const KINDS = ['CREATE_RANGE', 'CREATE_LIST', 'IMPORT', 'MASS_UPDATE', 'MASS_DELETE', 'UNDO'];

export default {
  id: 'jobs',
  title: 'Jobs',
  render(root) {
    const state = { page: 0, filter: {}, sort: 'createdAt,desc' };
    const results = h('div.results');
    const filters = h('form.filters', { role: 'search' },
      field('State', select('state', STATES, { blank: 'Any state' })),
      field('Kind', select('kind', KINDS.map((k) => [k, k.replaceAll('_', ' ').toLowerCase()]), { blank: 'Any kind' })));
    filters.addEventListener('change', () => {
      state.filter = Object.fromEntries([...new FormData(filters)].filter(([, v]) => v));
      state.page = 0;
      refresh();
    });
    root.append(h('div.page-head', h('h1', 'Jobs')), filters, results);

    let timer = null;
    async function refresh({ quiet = false } = {}) {
      clearTimeout(timer);
      if (!quiet) clear(results, loading());
      try {
        const page = await api.get('/api/dids/jobs', { ...state.filter, page: state.page, size: 50, sort: state.sort });
        const rows = page.content || [];
        clear(results,
          table({
            rows, sort: state.sort, onSort: (order) => { state.sort = order; state.page = 0; refresh(); },
            emptyText: 'No jobs yet: ranges, lists, imports and mass changes show here.',
            onOpen: (job) => api.get(`/api/dids/jobs/${job.id}`).then((full) => followJob(full, 'Bulk job')).then(() => refresh({ quiet: true })),
            columns: [
              { label: 'Started', sort: 'createdAt', value: (j) => when(j.createdAt) },
              { label: 'Kind', sort: 'kind', value: (j) => j.kind.replaceAll('_', ' ').toLowerCase() + (j.dryRun ? ' (dry run)' : '') + (j.undoneBy ? ' (undone)' : '') },
              { label: 'State', sort: 'state', value: (j) => badge(j.state) },
              { label: 'Progress', class: 'num', value: (j) => `${count((j.succeeded ?? 0) + (j.failed ?? 0))} / ${count(j.total)}` },
              { label: 'Succeeded', sort: 'succeeded', class: 'num', value: (j) => count(j.succeeded) },
              { label: 'Failed', sort: 'failed', class: 'num', value: (j) => (j.failed ? h('span.error-text', count(j.failed)) : '0') },
              { label: 'By', sort: 'actor', value: (j) => j.actor },
              { label: 'Finished', sort: 'finishedAt', value: (j) => when(j.finishedAt) },
              { label: 'Detail', value: (j) => h('span.clip', { title: j.detail || '' }, j.detail || '') },
              { label: '', class: 'row-actions', value: (j) => h('div.row-actions', jobActions(j, () => refresh({ quiet: true }), 'small')) },
            ],
          }),
          h('div.table-foot', pager(page.page, (n) => { state.page = n; refresh(); })));
        // running jobs report progress about every second; follow them while this page is open
        if (rows.some((j) => j.state === 'RUNNING') && root.isConnected) timer = setTimeout(() => refresh({ quiet: true }), 2000);
      } catch (e) {
        clear(results, problem(e));
      }
    }
    refresh();
  },
};
