// The admin UI shell: login, the tab bar, the signed-in user, keyboard shortcuts.
import { api, auth, ApiError } from './api.js';
import { h, clear, field, input, problem, ZONE } from './dom.js';
import { session, lookups } from './session.js';
import { live } from './live.js';
import dids from './views/dids.js';
import operators from './views/operators.js';
import packages from './views/packages.js';
import clientPackages from './views/client-packages.js';
import clients from './views/clients.js';
import routing from './views/routing.js';
import audit from './views/audit.js';
import jobList from './views/job-list.js';
import holdsAhead from './views/holds-ahead.js';

const VIEWS = [dids, operators, packages, clientPackages, clients, routing, audit, jobList, holdsAhead];
const app = document.getElementById('app');

// names in pickers and tables follow operators, packages and clients created or renamed elsewhere
live.always((change) => {
  const seen = (prefix) => change.types.some((type) => type === '*' || type.startsWith(prefix));
  if (seen('did.Operator')) lookups.forget('/api/operators');
  if (seen('package.Package')) lookups.forget('/api/packages');
  if (seen('client.Client')) lookups.forget('/api/clients');
});

auth.onUnauthorized(() => {
  live.stop();
  auth.clear();
  session.user = null;
  showLogin('Your session ended or your credentials were refused. Please log in again.');
});

function showLogin(message) {
  document.querySelectorAll('dialog, .drawer, .backdrop').forEach((el) => el.remove());
  const error = h('div.login-error');
  if (message) error.append(problem(new ApiError(401, message)));
  const user = input('user', { required: true, autocomplete: 'username' });
  const password = input('password', { type: 'password', required: true, autocomplete: 'current-password' });
  const token = h('textarea', { name: 'token', rows: 3, placeholder: 'eyJhbGciOi…', spellcheck: false });
  const basicFields = h('div', field('User', user), field('Password', password));
  const tokenFields = h('div', { hidden: true }, field('Access token (JWT)', token, 'For deployments that use single sign-on instead of local users.'));
  const toggle = h('button.link', { type: 'button' }, 'Use an access token instead');
  toggle.addEventListener('click', () => {
    const useToken = tokenFields.hidden;
    tokenFields.hidden = !useToken;
    basicFields.hidden = useToken;
    user.required = password.required = !useToken;
    token.required = useToken;
    toggle.textContent = useToken ? 'Use user name and password' : 'Use an access token instead';
    (useToken ? token : user).focus();
  });
  const submit = h('button.primary.block', { type: 'submit' }, 'Log in');
  const form = h('form.login-card',
    h('div.brand.large', h('span.logo', '#'), h('span', 'DID Platform')),
    h('p.muted', 'Inventory, clients and routing of phone numbers'),
    error, basicFields, tokenFields, submit, toggle);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(error);
    submit.disabled = true;
    const credentials = tokenFields.hidden ? auth.basic(user.value.trim(), password.value) : auth.bearer(token.value);
    try {
      const me = await api.whoAmI(credentials);
      auth.set({ ...credentials, user: me.name, roles: me.roles });
      start();
    } catch (err) {
      error.append(problem(err.status === 401 ? new ApiError(401, 'Wrong user name or password.') : err));
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  clear(app, h('main.login', form));
  user.focus();
}

function start() {
  const credentials = auth.get();
  if (!credentials) return showLogin();
  session.user = { name: credentials.user, roles: credentials.roles || [] };
  const nav = h('nav.tabs', { 'aria-label': 'Sections' },
    VIEWS.map((view, i) => h('a', { href: `#/${view.id}`, dataset: { view: view.id }, title: `${view.title} (Alt+${i + 1})` }, view.title)));
  const logout = h('button.ghost', { onclick: () => { live.stop(); auth.clear(); session.user = null; location.hash = ''; showLogin(); } }, 'Log out');
  const topbar = h('header.topbar',
    h('div.brand', h('span.logo', '#'), h('span', 'DID Platform')),
    nav,
    h('div.user', h('span.avatar', { title: `${session.user.name} (${session.user.roles.join(', ').toLowerCase()})` },
      (session.user.name || '?').slice(0, 1).toUpperCase()),
      h('span.who', h('strong', session.user.name), h('small', session.user.roles.join(', ').toLowerCase())),
      h('small.zone.muted', { title: 'Dates and times are shown in this zone, 24-hour' }, ZONE),
      // same tab: Swagger UI reads this tab's login (swagger-ui/initializer.js)
      h('a.ghost.api-link', { href: '/swagger-ui.html', title: 'The REST API of every service, to read and try as you' }, 'API'),
      logout));
  const main = h('main.content', { id: 'content' });
  clear(app, topbar, main);
  live.start();
  route();
}

function route() {
  if (!session.user) return;
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [id, ...rest] = path.split('/');
  const view = VIEWS.find((v) => v.id === id) || VIEWS[0];
  document.querySelectorAll('nav.tabs a').forEach((a) => a.classList.toggle('active', a.dataset.view === view.id));
  document.querySelectorAll('.drawer, .backdrop').forEach((el) => el.remove());
  live.reset();
  document.title = `${view.title} — DID Platform`;
  const main = document.getElementById('content');
  clear(main);
  view.render(main, rest.map(decodeURIComponent), Object.fromEntries(new URLSearchParams(query)));
}

window.addEventListener('hashchange', route);
document.addEventListener('keydown', (e) => {
  if (!session.user || document.querySelector('dialog[open]')) return;
  if (e.altKey && /^[1-9]$/.test(e.key) && VIEWS[e.key - 1]) {
    e.preventDefault();
    location.hash = `#/${VIEWS[e.key - 1].id}`;
  } else if (e.key === '/' && !(e.target instanceof Element && e.target.closest('input, textarea, select'))) {
    const search = document.querySelector('#content form.filters input, #content form.filters select');
    if (search) {
      e.preventDefault();
      search.focus();
    }
  }
});

start();
