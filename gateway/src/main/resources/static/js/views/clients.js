// Clients, and a client's page: its packages and its DIDs (take, change destination, block, unblock, give back).
import { api } from '../api.js';
import {
  h, clear, table, badge, when, field, input, select, dialog, confirm, facts, problem, loading, attempt, toast, mono,
} from '../dom.js';
import { normaliseNumber } from '../numbers.js';
import { session, lookups } from '../session.js';
import { crudView } from './crud.js';
import { whenChanged } from '../live.js';
import { usage, statusOf, lifecycleButtons, create as givePackage } from './client-packages.js';
import { loadHistory } from './history.js';

const STATUSES = ['ACTIVE', 'SUSPENDED', 'CLOSED'];
const DESTINATION_HINT = 'sip:/sips: URI, tel: URI, or digits';

const list = crudView({
  title: 'Clients',
  singular: 'client',
  path: '/api/clients',
  sort: 'name,asc',
  deletable: false,
  live: ['client.Client'],
  search: [{ name: 'q', label: 'Name or email' }],
  columns: () => [
    { label: 'Name', sort: 'name', value: (c) => h('a', { href: `#/clients/${c.id}` }, h('strong', c.name)) },
    { label: 'Email', sort: 'email', value: (c) => c.email || '' },
    { label: 'Status', sort: 'status', value: (c) => badge(c.status) },
  ],
  onOpen: (c) => { location.hash = `#/clients/${c.id}`; },
  form: clientFields,
  body: (v) => ({ name: v.name, email: v.email ?? '', status: v.status }),
});

function clientFields(c) {
  return [
    field('Name', input('name', { value: c.name || '', required: true, maxlength: 200 })),
    field('Email', input('email', { type: 'email', value: c.email || '', required: true, maxlength: 320 })),
    field('Status', select('status', STATUSES, { value: c.status || 'ACTIVE' }),
      'Suspended: its packages are deactivated and its DIDs put on hold until it is active again. '
      + 'Closed: its packages are terminated and its DIDs given back.'),
  ];
}

export default {
  id: 'clients',
  title: 'Clients',
  render(root, [id]) {
    return id ? clientPage(root, id) : list(root);
  },
};

async function clientPage(root, id) {
  const head = h('div.page-head', h('h1', h('a.back', { href: '#/clients', title: 'All clients' }, 'Clients'), ' / …'));
  const details = h('section.card', loading());
  const packagesBox = h('section.card');
  const didsBox = h('section.card');
  const historyBox = h('div');
  root.append(head, h('div.split', details, packagesBox), didsBox, h('section.card', h('h2', 'History'), historyBox));

  let clientPackages = [];
  /** Takes asked so far: only the latest one's answer is shown, not an earlier one still being followed. */
  let takesAsked = 0;
  async function loadClient() {
    try {
      const client = await api.get(`/api/clients/${id}`);
      clear(head, h('h1', h('a.back', { href: '#/clients' }, 'Clients'), ' / ', client.name),
        h('div.actions', session.can.write() && h('button', { onclick: () => edit(client) }, 'Edit client…')));
      clear(details, h('h2', 'Client'), facts([['Name', client.name], ['Email', client.email], ['Status', badge(client.status)], ['Id', mono(client.id)]]));
    } catch (e) {
      clear(details, h('h2', 'Client'), problem(e));
    }
    loadHistory(`/api/audit/clients/${id}/history`, historyBox);
  }

  async function edit(client) {
    const saved = await dialog({ title: `Edit client ${client.name}`, fields: clientFields(client), submit: async (v) => (await api.put(`/api/clients/${id}`, { name: v.name, email: v.email ?? '', status: v.status })) ?? {} });
    if (saved) {
      toast('Client saved');
      lookups.forget('/api/clients');
      loadClient();
    }
  }

  async function loadPackages({ quiet = false } = {}) {
    if (!quiet) clear(packagesBox, h('h2', 'Packages'), loading());
    try {
      const [page, packageNames] = await Promise.all([api.get('/api/client-packages', { clientId: id, size: 200 }), lookups.names('packages')]);
      clientPackages = (page.content || []).map((cp) => ({ ...cp, label: packageNames.get(cp.packageId) || cp.packageName || cp.packageId }));
      clear(packagesBox,
        h('div.section-head', h('h2', 'Packages'),
          session.can.write() && h('button.small', { onclick: async () => { if (await givePackage(id)) loadPackages(); } }, '+ Give a package')),
        table({
          rows: clientPackages,
          emptyText: 'No packages yet: give one to let the client take DIDs.',
          columns: [
            { label: 'Package', sort: 'label', value: (cp) => h('strong', cp.label) },
            { label: 'Status', sort: 'status', value: statusOf },
            { label: 'Usage', sort: 'used', value: usage },
            { label: 'Ends', sort: 'endsAt', value: (cp) => when(cp.endsAt) || h('span.muted', 'open-ended') },
            { label: '', class: 'row-actions', value: (cp) => h('div.row-actions', lifecycleButtons(cp, loadAll, 'small')) },
          ],
        }));
    } catch (e) {
      clientPackages = [];
      clear(packagesBox, h('h2', 'Packages'), problem(e));
    }
    renderTakeForm();
  }

  const takeBox = h('div.take');
  const didList = h('div');
  async function loadDids({ quiet = false } = {}) {
    if (!quiet) clear(didList, loading());
    try {
      const result = await api.get(`/api/clients/${id}/dids`, { size: 500 });
      const rows = Array.isArray(result) ? result : result.content || [];
      const packageLabel = (d) => d.packageName || clientPackages.find((cp) => cp.id === d.clientPackageId)?.label || mono(d.clientPackageId);
      clear(didList, table({
        rows, key: (d) => d.number,
        emptyText: 'This client has no DIDs.',
        columns: [
          { label: 'Number', sort: 'number', value: (d) => h('a.mono.strong', { href: `#/dids/${d.number}` }, d.number) },
          { label: 'Status', sort: 'status', value: (d) => badge(d.status) },
          { label: 'Package', value: packageLabel },
          { label: 'Destination', sort: 'destination', value: (d) => mono(d.destination) },
          { label: '', class: 'row-actions', value: (d) => h('div.row-actions', didActions(d)) },
        ],
      }));
    } catch (e) {
      clear(didList, problem(e));
    }
  }

  function didActions(d) {
    // a pending request holds no DID yet: there is nothing to route, block or give back
    if (!session.can.write() || d.status === 'PENDING') return [];
    const path = `/api/clients/${id}/dids/${d.number}`;
    // The service answers 202: the inventory applies the change a moment later, so look again shortly after.
    const run = (action, message) => async () => {
      if (await attempt(action, message)) {
        loadAll();
        setTimeout(loadAll, 1500);
      }
    };
    const held = d.status === 'HOLD';
    return [
      !held && h('button.small', { onclick: () => changeDestination(d) }, 'Destination…'),
      d.status === 'ACTIVE' && h('button.small', { onclick: run(() => api.post(`${path}/block`), `Blocking ${d.number}`) }, 'Block'),
      d.status === 'BLOCKED' && h('button.small', { onclick: run(() => api.post(`${path}/unblock`), `Unblocking ${d.number}`) }, 'Unblock'),
      !held && session.can.delete() && h('button.small.danger-text', {
        onclick: async () => {
          const ok = await confirm(`Give back ${d.number}?`, 'The DID goes on hold and is no longer routable; after the hold period it returns to the inventory.', { label: 'Give back' });
          if (ok) run(() => api.delete(path), `${d.number} given back: it goes on hold`)();
        },
      }, 'Give back'),
    ];
  }

  async function changeDestination(d) {
    const saved = await dialog({
      title: `Destination of ${d.number}`,
      fields: [field('Destination', input('destination', { value: d.destination || '', required: true, maxlength: 255 }), DESTINATION_HINT)],
      submit: async (v) => (await api.put(`/api/clients/${id}/dids/${d.number}`, { destination: v.destination })) ?? {},
    });
    if (saved !== undefined) {
      toast('Destination change requested');
      setTimeout(loadDids, 1200);
    }
  }

  function renderTakeForm() {
    if (!session.can.write()) return clear(takeBox);
    const active = clientPackages.filter((cp) => cp.status === 'ACTIVE');
    if (!active.length) {
      return clear(takeBox, h('div.notice', 'No active package: give this client a package, or activate one, to let it take DIDs.'));
    }
    // redrawn when packages change: what the user was typing and the last outcome stay
    const typed = takeBox.querySelector('form');
    const kept = typed ? Object.fromEntries(new FormData(typed)) : {};
    const outcome = takeBox.querySelector('.outcome') || h('div.outcome', { 'aria-live': 'polite' });
    const form = h('form.inline-form',
      field('Number', input('number', { required: true, inputmode: 'tel', placeholder: '15550000001', size: 16 })),
      field('Client package', select('clientPackageId', active.map((cp) => [cp.id, `${cp.label} (${cp.used ?? 0}/${cp.didLimit ?? '?'})`]), { required: true })),
      field('Destination', input('destination', { required: true, maxlength: 255, placeholder: 'sip:100@pbx.example', size: 24 })),
      h('button.primary', { type: 'submit' }, 'Take DID'));
    for (const [name, value] of Object.entries(kept)) {
      if (name !== 'clientPackageId' || active.some((cp) => cp.id === value)) form.elements[name].value = value;
    }
    const focused = typed?.contains(document.activeElement) ? document.activeElement.name : null;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      const take = ++takesAsked;
      const show = (content) => { if (take === takesAsked) clear(outcome, content); };
      show(h('span.muted', 'Asking the inventory…'));
      try {
        const body = { number: normaliseNumber(data.number), clientPackageId: data.clientPackageId, destination: data.destination.trim() };
        const { status, body: answer } = await api.post(`/api/clients/${id}/dids`, body);
        if (status === 202) {
          show(h('div.notice', `${body.number} is requested; waiting for the inventory to answer…`));
          const settled = await settle(answer?.requestId);
          show(settled?.status === 'CONFIRMED' ? assigned(body)
            : settled?.status === 'FAILED' ? problem({ status: 409, code: settled.reason, detail: refusal(settled.reason, body) })
              : h('div.notice', `${body.number} is still pending. It will show in the list once the inventory answers.`));
        } else {
          show(assigned(body));
        }
        if (take === takesAsked) {
          form.elements.number.value = '';
          form.elements.number.focus();
        }
        loadAll();
      } catch (err) {
        show(problem(err));
      }
    });
    clear(takeBox, form, outcome);
    if (focused) form.elements[focused]?.focus();
  }

  /** What the inventory's refusal means here; a tag refusal names the tags the client package allows. */
  const refusal = (reason, body) => {
    const cp = clientPackages.find((p) => p.id === body.clientPackageId);
    return reason === 'TAG_NOT_ALLOWED' && cp
      ? `${body.number} has a tag this client package does not allow; it allows ${cp.tags?.length ? 'only ' + cp.tags.join(', ') : 'any tag'}.`
      : `Inventory refused ${body.number}: ${String(reason).replaceAll('_', ' ').toLowerCase()}.`;
  };

  const assigned = (body) => h('div.notice.ok', `${body.number} is now assigned and routable to ${body.destination}.`);

  /** Follows a pending request (202) for up to 15 s: CONFIRMED, FAILED, or still PENDING. */
  async function settle(requestId) {
    if (!requestId) return null;
    let request = null;
    for (let i = 0; i < 15; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      request = await api.get(`/api/clients/${id}/dids/requests/${requestId}`).catch(() => request);
      if (request && request.status !== 'PENDING') break;
    }
    return request;
  }

  /** Packages first: the DID list names each DID's package from them. */
  async function loadAll(options) {
    await loadPackages(options);
    loadDids(options);
  }

  didsBox.append(h('div.section-head', h('h2', 'DIDs'),
    h('a.button.small', { href: `#/dids?clientId=${encodeURIComponent(id)}` }, 'Open in DIDs')), takeBox, didList);
  whenChanged(['client.', 'package.', 'did.Did'], () => loadAll({ quiet: true }));
  // the client's own events (its details, its DIDs' requests) are its history too
  whenChanged(['client.'], () => loadClient(), { subject: id });
  loadClient();
  loadAll();
}
