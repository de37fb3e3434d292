// Small DOM helpers shared by every view: element builder, tables, pager, dialogs, toasts, formatting.

/** h('button.primary', {onclick}, 'Save') — tag with optional .classes, attributes/properties, children. */
export function h(spec, attrs = {}, ...children) {
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = [el.className, value].filter(Boolean).join(' ');
    else if (key === 'dataset') Object.assign(el.dataset, value);
    // Through the CSSOM: the gateway's Content-Security-Policy forbids inline style attributes.
    else if (key === 'style') el.style.cssText = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// ---------- formatting ----------

const pad = (n) => String(n).padStart(2, '0');

/** Local date and time, seconds included; the ISO instant stays available as a tooltip. */
export function when(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const text = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return h('time', { datetime: d.toISOString(), title: `${ZONE} · ${d.toISOString()}` }, text);
}

/** The user's time zone, which every date and time in the UI is shown in. */
export const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A date-time typed as ISO 8601, 24-hour, in the user's zone ("2026-12-31 23:59"), as an instant; '' when empty. */
export function isoFromLocal(value) {
  const match = LOCAL_DATE_TIME.exec((value || '').trim());
  if (!match) return '';
  const [, y, mo, d, hh, mi, ss = '0'] = match.map((part) => part && Number(part));
  return new Date(y, mo - 1, d, hh, mi, ss).toISOString();
}

export function localFromIso(value, { seconds = false } = {}) {
  if (!value) return '';
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
    + (seconds ? `:${pad(d.getSeconds())}` : '');
}

/**
 * A date-time field in the one format the UI shows (ISO 8601, 24-hour, the user's zone) whatever the browser's
 * locale; the browser's own picker would show 12-hour US time on many machines.
 */
export function dateTimeInput(name, { value = '', required = false } = {}) {
  return input(name, {
    value, required, size: 19, inputmode: 'numeric', autocomplete: 'off', placeholder: 'YYYY-MM-DD HH:MM',
    pattern: '\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?', title: `24-hour, ${ZONE}`,
  });
}

export const count = (n) => (n ?? 0).toLocaleString('en-US');

/** "1 DID", "3 DIDs". */
export const plural = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export function badge(value) {
  if (value === undefined || value === null || value === '') return '';
  return h('span.badge', { dataset: { value: String(value) } }, String(value).replaceAll('_', ' '));
}

export function yesNo(value) {
  return h('span.badge', { dataset: { value: value ? 'YES' : 'NO' } }, value ? 'yes' : 'no');
}

export const mono = (value) => (value ? h('span.mono', value) : '');

export function shortId(id) {
  return id ? h('span.mono.id', { title: id }, String(id).slice(0, 8)) : '';
}

// ---------- feedback ----------

export function toast(message, kind = 'ok') {
  const item = h(`div.toast.${kind}`, { role: kind === 'error' ? 'alert' : 'status' }, message);
  document.getElementById('toasts').append(item);
  setTimeout(() => item.classList.add('leaving'), kind === 'error' ? 7000 : 3500);
  setTimeout(() => item.remove(), kind === 'error' ? 7600 : 4100);
}

/** An inline error box with the problem's detail; a missing endpoint is shown as "not available yet". */
export function problem(error) {
  const missing = error?.missing;
  return h(`div.problem${missing ? '.missing' : ''}`, { role: 'alert' },
    h('strong', missing ? 'Not available yet' : error?.status ? `Error ${error.status}${error.code ? ' · ' + error.code : ''}` : 'Error'),
    h('span', error?.detail || error?.message || String(error)));
}

export function empty(text) {
  return h('div.empty', text);
}

export function loading() {
  return h('div.loading', h('span.spinner'), 'Loading…');
}

/** Runs an action, showing its error as a toast; returns undefined on failure. */
export async function attempt(action, success) {
  try {
    const result = await action();
    if (success) toast(typeof success === 'function' ? success(result) : success);
    return result ?? true;
  } catch (e) {
    toast(e.detail || e.message, 'error');
    return undefined;
  }
}

// ---------- tables and paging ----------

/**
 * A data table. columns: [{label, value: row => node|string, class?, width?, sort?}].
 * With `selection` (a Set of keys) a first checkbox column appears; onSelect is told of changes.
 * Columns with `sort` (a field name) sort on a click of their header: through onSort('field,asc|desc') when the
 * server sorts (paged lists, `sort` is the current order), else here, on the rows given.
 */
export function table({ columns, rows, key = (row) => row.id, selection, onSelect, onOpen, emptyText = 'Nothing found.', sort = '', onSort }) {
  if (!rows.length) return empty(emptyText);
  const wrap = h('div.table-wrap');
  let order = sort;
  const draw = () => {
    const [field, direction = 'asc'] = order.split(',');
    const sortable = (c) => {
      if (!c.sort) return c.label;
      const current = c.sort === field;
      const next = `${c.sort},${current && direction === 'asc' ? 'desc' : 'asc'}`;
      return h('button.sort', {
        type: 'button', title: `Sort by ${c.label.toLowerCase()}`,
        onclick: () => { order = next; if (onSort) onSort(next); else draw(); },
      }, c.label, h('span.arrow', current ? (direction === 'asc' ? ' ▲' : ' ▼') : ''));
    };
    const head = h('tr', selection && h('th.check', headerCheckbox(rows, key, selection, onSelect)),
      columns.map((c) => h('th', {
        class: c.class, style: c.width ? `width:${c.width}` : null,
        'aria-sort': c.sort && c.sort === field ? (direction === 'asc' ? 'ascending' : 'descending') : null,
      }, sortable(c))));
    const shown = onSort || !field ? rows : sortedLocally(rows, field, direction);
    clear(wrap, h('table.data', h('thead', head), h('tbody', shown.map((row) => tableRow(row, { columns, key, selection, onSelect, onOpen })))));
  };
  draw();
  return wrap;
}

function sortedLocally(rows, field, direction) {
  const text = (v) => (v === null || v === undefined ? '' : v);
  const sorted = [...rows].sort((a, b) => {
    const x = text(a[field]);
    const y = text(b[field]);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
  });
  return direction === 'desc' ? sorted.reverse() : sorted;
}

function tableRow(row, { columns, key, selection, onSelect, onOpen }) {
  const id = key(row);
  const tr = h('tr', { tabIndex: onOpen ? 0 : null, class: onOpen ? 'openable' : null },
    selection && h('td.check', h('input', {
      type: 'checkbox', checked: selection.has(id), 'aria-label': `Select ${id}`,
      onclick: (e) => e.stopPropagation(),
      onchange: (e) => { e.target.checked ? selection.add(id) : selection.delete(id); tr.classList.toggle('selected', e.target.checked); onSelect?.(); },
    })),
    columns.map((c) => h('td', { class: c.class }, c.value(row))));
  if (selection?.has(id)) tr.classList.add('selected');
  if (onOpen) {
    tr.addEventListener('click', (e) => { if (!e.target.closest('button, a, input, select')) onOpen(row); });
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target === tr) onOpen(row); });
  }
  return tr;
}

function headerCheckbox(rows, key, selection, onSelect) {
  const all = rows.every((row) => selection.has(key(row)));
  return h('input', {
    type: 'checkbox', checked: all && rows.length > 0, 'aria-label': 'Select all on this page',
    onchange: (e) => {
      rows.forEach((row) => (e.target.checked ? selection.add(key(row)) : selection.delete(key(row))));
      onSelect?.(true);
    },
  });
}

/** « ‹ page x of y › » with the total; onPage(n) is zero-based. */
export function pager(page, onPage) {
  if (!page) return '';
  const { number = 0, totalPages = 0, totalElements = 0, size = 0 } = page;
  if (!totalElements) return h('div.pager', h('span.muted', 'None'));
  const from = totalElements ? number * size + 1 : 0;
  const to = Math.min(totalElements, (number + 1) * size);
  const go = (n) => () => onPage(n);
  return h('div.pager',
    h('span.muted', `${count(from)}–${count(to)} of ${count(totalElements)}`),
    h('span.spacer'),
    h('button.ghost', { onclick: go(0), disabled: number <= 0, title: 'First page' }, '«'),
    h('button.ghost', { onclick: go(number - 1), disabled: number <= 0, title: 'Previous page' }, '‹'),
    h('span', `Page ${count(number + 1)} of ${count(totalPages)}`),
    h('button.ghost', { onclick: go(number + 1), disabled: number + 1 >= totalPages, title: 'Next page' }, '›'),
    h('button.ghost', { onclick: go(totalPages - 1), disabled: number + 1 >= totalPages, title: 'Last page' }, '»'));
}

// ---------- forms ----------

/** A labelled form field; `input` is any control (its name is used for FormData). */
export function field(label, input, hint) {
  return h('label.field', h('span.label', label), input, hint && h('span.hint', hint));
}

export function input(name, attrs = {}) {
  return h('input', { name, autocomplete: 'off', ...attrs });
}

/** A <select>; options are values or [value, label] pairs; `blank` adds an empty first option. */
export function select(name, options, { value = '', blank, ...attrs } = {}) {
  return h('select', { name, ...attrs },
    blank !== undefined && h('option', { value: '' }, blank),
    options.map((o) => {
      const [v, label] = Array.isArray(o) ? o : [o, String(o).replaceAll('_', ' ')];
      return h('option', { value: v, selected: String(v) === String(value) }, label);
    }));
}

/** The form's values as an object, leaving out empty strings unless keepEmpty. */
export function values(form, { keepEmpty = false } = {}) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (value instanceof File) continue;
    if (keepEmpty || String(value).trim() !== '') out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

// ---------- dialogs ----------

/**
 * A modal dialog holding a form. submit(values, form) may throw an ApiError: it is shown inside the dialog and
 * the dialog stays open. Resolves with submit's result, or undefined when cancelled (Esc closes it too).
 */
export function dialog({ title, fields, submitLabel = 'Save', danger = false, wide = false, submit, intro }) {
  return new Promise((resolve) => {
    const errors = h('div.dialog-errors');
    const okButton = h(`button.${danger ? 'danger' : 'primary'}`, { type: 'submit' }, submitLabel);
    const form = h('form.dialog-form', { method: 'dialog', novalidate: false },
      h('header', h('h2', title), h('button.ghost.close', { type: 'button', 'aria-label': 'Close', onclick: () => close() }, '×')),
      h('div.dialog-body', intro && h('p.intro', intro), fields, errors),
      h('footer', h('button', { type: 'button', onclick: () => close() }, 'Cancel'), okButton));
    const box = h(`dialog.modal${wide ? '.wide' : ''}`, form);
    let result;
    const close = () => box.close();
    box.addEventListener('close', () => { box.remove(); resolve(result); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(errors);
      okButton.disabled = true;
      try {
        result = await submit(values(form), form);
        close();
      } catch (error) {
        clear(errors, problem(error));
      } finally {
        okButton.disabled = false;
      }
    });
    document.body.append(box);
    box.showModal();
    form.querySelector('input:not([type=hidden]), select, textarea')?.focus();
  });
}

export function confirm(title, message, { label = 'Confirm', danger = true } = {}) {
  return dialog({ title, fields: h('p', message), submitLabel: label, danger, submit: async () => true });
}

/** A side panel over the right of the page; returns {body, close}. */
export function drawer(title, { onClose } = {}) {
  const body = h('div.drawer-body');
  const heading = h('h2', title);
  const panel = h('aside.drawer', { role: 'dialog', 'aria-label': title, tabIndex: -1 },
    h('header', heading, h('button.ghost.close', { 'aria-label': 'Close', onclick: () => close() }, '×')), body);
  const backdrop = h('div.backdrop', { onclick: () => close() });
  const onKey = (e) => { if (e.key === 'Escape' && !document.querySelector('dialog[open]')) close(); };
  function close() {
    panel.remove();
    backdrop.remove();
    document.removeEventListener('keydown', onKey);
    onClose?.();
  }
  document.addEventListener('keydown', onKey);
  document.body.append(backdrop, panel);
  panel.focus();
  return { body, close, heading };
}

/** Definition list of label/value pairs. */
export function facts(pairs) {
  return h('dl.facts', pairs.filter(Boolean).map(([label, value]) => [h('dt', label), h('dd', value === '' || value === undefined || value === null ? '—' : value)]));
}
