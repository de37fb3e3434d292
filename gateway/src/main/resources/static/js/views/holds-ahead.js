// Holds ahead: the DIDs on HOLD whose hold ends in the next N days, by client and client package, with what each
// becomes then; exportable as CSV, so staff can reactivate a package before its numbers are lost.
import { api } from '../api.js';
import { h, clear, table, when, count, field, input, problem, loading, empty, attempt, badge, mono } from '../dom.js';

export default {
  id: 'holds',
  title: 'Holds ahead',
  render(root) {
    const days = input('days', { type: 'number', min: 1, max: 3650, value: 7, required: true });
    const results = h('div.results');
    const filters = h('form.filters', { role: 'search' }, field('Hold ends within (days)', days));
    filters.addEventListener('change', () => refresh());
    filters.addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
    const exportButton = h('button', {
      type: 'button',
      onclick: () => attempt(() => api.download('/api/dids/holds/export', { days: days.value }, 'holds-ahead.csv')),
    }, 'Export CSV');
    root.append(h('div.page-head', h('h1', 'Holds ahead'), h('div.actions', exportButton)), filters, results);

    async function refresh() {
      clear(results, loading());
      try {
        const ahead = await api.get('/api/dids/holds', { days: days.value });
        if (!ahead.groups.length) return clear(results, empty(`No hold ends within ${days.value} days.`));
        clear(results,
          h('p.muted', `${count(ahead.total)} ${ahead.total === 1 ? 'DID' : 'DIDs'} on hold end before `,
            when(ahead.endingBefore), ahead.truncated ? ' (the first ones listed; the export has them all)' : ''),
          ...ahead.groups.map((group) => h('section.hold-group',
            h('h2', 'Client ', mono(group.clientId), ' · client package ', mono(group.clientPackageId)),
            table({
              rows: group.dids, key: (did) => did.number,
              columns: [
                { label: 'DID', value: (did) => mono(did.number) },
                { label: 'Hold ends', value: (did) => when(did.holdUntil) },
                { label: 'Then becomes', value: (did) => badge(did.afterHoldStatus) },
                { label: 'Tag', value: (did) => did.tag || '' },
              ],
            }))));
      } catch (e) {
        clear(results, problem(e));
      }
    }
    refresh();
  },
};
