// Routing lookup: what a switch is told for a number.
import { api } from '../api.js';
import { h, clear, field, input, badge, problem, loading, when, table, mono } from '../dom.js';
import { normaliseNumber } from '../numbers.js';

const recent = [];

export default {
  id: 'routing',
  title: 'Routing',
  render(root, [initial]) {
    const answer = h('div.routing-answer');
    const recentBox = h('div');
    const number = input('number', { required: true, inputmode: 'tel', placeholder: '15550000001', size: 20, value: initial || '' });
    const form = h('form.filters.big', { role: 'search' },
      field('Number', number), h('div.filter-actions', h('button.primary', { type: 'submit' }, 'Look up')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      lookup(number.value);
      number.select();
    });
    root.append(h('div.page-head', h('h1', 'Routing lookup'),
      h('p.muted', 'The answer switches get from GET /api/routing/{number}: routable only when the DID is ACTIVE.')),
    form, answer, h('h3', 'Recent lookups'), recentBox);

    async function lookup(written) {
      if (!written?.trim()) return;
      let n;
      try {
        n = normaliseNumber(written);
      } catch (e) {
        return clear(answer, problem(e));
      }
      history.replaceState(null, '', `#/routing/${n}`);
      clear(answer, loading());
      try {
        const r = await api.get(`/api/routing/${encodeURIComponent(n)}`);
        clear(answer, h(`div.card.verdict.${r.routable ? 'yes' : 'no'}`,
          h('div.verdict-mark', r.routable ? '✓' : '✕'),
          h('div',
            h('div.verdict-title', h('span.mono', r.number), r.routable ? ' routes' : ' does not route'),
            h('div', 'Status ', badge(r.status), r.routable && [' · destination ', mono(r.destination)]),
            h('div.small', h('a', { href: `#/dids/${r.number}` }, 'Open the DID and its history')))));
        recent.unshift({ ...r, at: new Date().toISOString() });
      } catch (e) {
        clear(answer, problem(e.status === 404 && !e.missing ? { ...e, detail: `${n} is not in the inventory.` } : e));
        recent.unshift({ number: n, routable: false, status: e.status === 404 && !e.missing ? 'UNKNOWN' : 'ERROR', at: new Date().toISOString() });
      }
      recent.splice(20);
      showRecent();
    }

    function showRecent() {
      clear(recentBox, table({
        rows: recent, key: (r) => r.at + r.number, emptyText: 'No lookups yet.',
        onOpen: (r) => { number.value = r.number; lookup(r.number); },
        columns: [
          { label: 'Number', sort: 'number', value: (r) => h('span.mono.strong', r.number) },
          { label: 'Routable', sort: 'routable', value: (r) => (r.status === 'ERROR' ? h('span.muted', 'unknown') : badge(r.routable ? 'ROUTABLE' : 'NOT_ROUTABLE')) },
          { label: 'Status', sort: 'status', value: (r) => badge(r.status) },
          { label: 'Destination', sort: 'destination', value: (r) => mono(r.destination) },
          { label: 'Asked at', sort: 'at', value: (r) => when(r.at) },
        ],
      }));
    }

    showRecent();
    number.focus();
    if (initial) lookup(initial);
  },
};
