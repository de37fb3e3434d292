// Client packages: a package given to a client; activation and deactivation drive the hold cascade.
import { api } from '../api.js';
import {
  h, clear, table, pager, badge, when, count, field, input, select, dialog, confirm, drawer, facts, problem, loading,
  attempt, toast, isoFromLocal, shortId, plural, dateTimeInput, ZONE,
} from '../dom.js';
import { session, lookups } from '../session.js';
import { loadHistory } from './history.js';
import { whenChanged } from '../live.js';

const STATUSES = ['ACTIVE', 'INACTIVE', 'PENDING', 'TERMINATED'];

export default {
  id: 'client-packages',
  title: 'Client packages',
  async render(root, _, params = {}) {
    const state = { page: 0, size: 50, sort: 'createdAt,desc', filter: { clientId: params.clientId || '' } };
    const results = h('div.results');
    const client = select('clientId', [], { blank: 'Any client' });
    const pkg = select('packageId', [], { blank: 'Any package' });
    const filters = h('form.filters', { role: 'search' },
      field('Client', client), field('Package', pkg),
      field('Status', select('status', STATUSES, { blank: 'Any status' })),
      h('div.filter-actions', h('button.primary', { type: 'submit' }, 'Search')));
    filters.addEventListener('submit', (e) => {
      e.preventDefault();
      state.filter = Object.fromEntries([...new FormData(filters)].filter(([, v]) => v));
      state.page = 0;
      refresh();
    });
    filters.addEventListener('change', () => filters.requestSubmit());
    root.append(
      h('div.page-head', h('h1', 'Client packages'), h('div.actions',
        session.can.write() && h('button.primary', { onclick: () => create(state.filter.clientId).then((r) => r && refresh()) }, '+ Give a package'))),
      filters, results);

    const [clientOptions, packageOptions] = await Promise.all([lookups.options('clients'), lookups.options('packages')]);
    clientOptions.forEach(([v, l]) => client.append(new Option(l, v, false, v === state.filter.clientId)));
    packageOptions.forEach(([v, l]) => pkg.append(new Option(l, v)));

    async function refresh({ quiet = false } = {}) {
      if (!quiet) clear(results, loading());
      try {
        const page = await api.get('/api/client-packages', { ...state.filter, page: state.page, size: state.size, sort: state.sort });
        const [clientNames, packageNames] = await Promise.all([lookups.names('clients'), lookups.names('packages')]);
        clear(results,
          table({
            rows: page.content || [], sort: state.sort, onSort: (order) => { state.sort = order; state.page = 0; refresh(); },
            onOpen: (cp) => openClientPackage(cp.id, refresh),
            emptyText: 'No client packages match.',
            columns: [
              { label: 'Client', value: (cp) => h('strong', clientNames.get(cp.clientId) || shortId(cp.clientId)) },
              { label: 'Package', value: (cp) => packageNames.get(cp.packageId) || cp.packageName || shortId(cp.packageId) },
              { label: 'Status', sort: 'status', value: statusOf },
              { label: 'Usage', value: usage },
              { label: 'Starts', sort: 'startsAt', value: (cp) => when(cp.startsAt) },
              { label: 'Ends', sort: 'endsAt', value: (cp) => when(cp.endsAt) || h('span.muted', 'open-ended') },
              { label: '', class: 'row-actions', value: (cp) => h('div.row-actions', lifecycleButtons(cp, refresh, 'small')) },
            ],
          }),
          h('div.table-foot', pager(page.page, (n) => { state.page = n; refresh(); })));
      } catch (e) {
        clear(results, problem(e));
      }
    }
    whenChanged(['package.', 'client.Client', 'did.DidAssigned', 'did.DidReleased'], () => refresh({ quiet: true }));
    refresh();
  },
};

/** The status, with why it is inactive (MANUAL, ENDED, PACKAGE_DISABLED) when the service says. */
export function statusOf(cp) {
  return h('span', badge(cp.status), cp.status === 'INACTIVE' && cp.deactivationReason
    && h('span.muted.small', ` ${cp.deactivationReason.replaceAll('_', ' ').toLowerCase()}`));
}

export function usage(cp) {
  const used = cp.used ?? cp.usage?.used ?? 0;
  const limit = cp.didLimit ?? cp.usage?.didLimit ?? 0;
  const percent = limit ? Math.min(100, Math.round((used * 100) / limit)) : 0;
  return h('div.usage', { title: `${used} of ${limit} DIDs used` },
    h('div.meter', h('div', { style: `width:${percent}%`, class: percent >= 100 ? 'full' : '' })),
    h('span', `${count(used)} / ${count(limit)}`));
}

/** Activate / Deactivate / Terminate as the status and the user's role allow. */
export function lifecycleButtons(cp, onChange, size = '') {
  if (!session.can.write() || cp.status === 'TERMINATED') return [];
  const path = `/api/client-packages/${cp.id}`;
  // activate/deactivate answer {active, changed}; asking twice is a no-op the user should hear about.
  const act = (verb, label) => h(`button${size ? '.' + size : ''}`, {
    onclick: async () => {
      if (verb === 'deactivate' && !(await confirmDeactivation(cp))) return;
      const done = await attempt(() => api.post(`${path}/${verb}`),
        (r) => (r?.body?.changed === false ? `It was already ${verb}d` : `Client package ${verb}d`));
      if (done) onChange?.();
    },
  }, label);
  return [
    cp.status === 'ACTIVE' ? act('deactivate', 'Deactivate') : act('activate', 'Activate'),
    session.can.delete() && h(`button.danger-text${size ? '.' + size : ''}`, {
      onclick: async () => {
        const ok = await confirm('Terminate this client package?',
          'It ends for good: every DID it holds goes on hold (RELEASED) and cannot be restored by activating it again.',
          { label: 'Terminate' });
        if (ok && await attempt(() => api.delete(path), 'Client package terminated')) onChange?.();
      },
    }, 'Terminate'),
  ];
}

/** "30 days", "2 hours", "45 seconds": the hold period as people say it. */
export function spoken(seconds) {
  const units = [[86_400, 'day'], [3_600, 'hour'], [60, 'minute'], [1, 'second']];
  const [size, unit] = units.find(([s]) => seconds >= s && seconds % s === 0) || [1, 'second'];
  return plural(seconds / size, unit);
}

async function confirmDeactivation(cp) {
  const policy = await api.get('/api/dids/hold-policy').catch(() => null);
  const period = policy ? spoken(policy.periodSeconds) : 'the hold period';
  const used = cp.used ?? 0;
  return confirm('Deactivate this client package?',
    used === 0
      ? 'It holds no DIDs yet, so nothing goes on HOLD; the client cannot take DIDs under it until it is activated again.'
      : `${used === 1 ? 'Its DID goes' : `Its ${plural(used, 'DID')} go`} on HOLD now and`
        + ` stop${used === 1 ? 's' : ''} routing at once. If the package is not activated again within ${period},`
        + ` ${used === 1 ? 'the DID then takes its' : 'each DID then takes its'} After Hold status and leaves the client for good.`,
    { label: 'Deactivate' });
}

export async function create(clientId) {
  const [clients, packages] = await Promise.all([lookups.options('clients'), lookups.options('packages')]);
  const picker = (name, options, label, value) => (options.length
    ? select(name, options, { blank: `Choose a ${label}`, required: true, value })
    : input(name, { required: true, placeholder: `${label} id`, value: value || '' }));
  const result = await dialog({
    title: 'Give a package to a client',
    fields: [
      field('Client', picker('clientId', clients, 'client', clientId)),
      field('Package', picker('packageId', packages, 'package')),
      h('div.row',
        field('Starts at', dateTimeInput('startsAt'), `Empty = now. 24-hour, ${ZONE}`),
        field('Ends at', dateTimeInput('endsAt'), 'Empty = open-ended')),
    ],
    submitLabel: 'Create',
    submit: async (v) => (await api.post('/api/client-packages', {
      clientId: v.clientId, packageId: v.packageId, startsAt: isoFromLocal(v.startsAt) || undefined, endsAt: isoFromLocal(v.endsAt) || undefined,
    })).body ?? {},
  });
  if (result) toast('Client package created');
  return result;
}

async function openClientPackage(id, onChange) {
  // the panel follows its lifecycle and usage changed elsewhere while it is open
  const unwatchLifecycle = whenChanged(['package.'], () => load(), { subject: id });
  const unwatchUsage = whenChanged(['did.DidAssigned', 'did.DidReleased'], () => load());
  const panel = drawer('Client package', { onClose: () => { unwatchLifecycle(); unwatchUsage(); } });
  const details = h('div', loading());
  const historyBox = h('div');
  panel.body.append(details, h('h3', 'History'), historyBox);
  async function load() {
    try {
      const cp = await api.get(`/api/client-packages/${id}`);
      const [clientNames, packageNames] = await Promise.all([lookups.names('clients'), lookups.names('packages')]);
      clear(details,
        facts([
          ['Client', h('a', { href: `#/clients/${cp.clientId}` }, clientNames.get(cp.clientId) || cp.clientId)],
          ['Package', packageNames.get(cp.packageId) || cp.packageId],
          ['Status', statusOf(cp)],
          ['Usage', usage(cp)],
          ['Allowed tags', cp.tags?.length ? cp.tags.map((t) => h('span.tag', t)) : 'any'],
          ['Starts', when(cp.startsAt)],
          ['Ends', when(cp.endsAt)],
          ['Id', h('span.mono', cp.id)],
        ]),
        h('div.actions', lifecycleButtons(cp, () => { load(); onChange?.(); }),
          h('a.button', { href: `#/dids?clientId=${encodeURIComponent(cp.clientId)}` }, 'Client’s DIDs')));
      loadHistory(`/api/audit/client-packages/${id}/history`, historyBox);
    } catch (e) {
      clear(details, problem(e));
    }
  }
  load();
}
