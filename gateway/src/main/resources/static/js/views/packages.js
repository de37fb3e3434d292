// Packages: products that say how many DIDs a client may pick and with which tags.
import { h, field, input, select, badge, count, shortId } from '../dom.js';
import { crudView } from './crud.js';

const tagList = (text) => (text || '').split(/[\s,;]+/).map((t) => t.trim()).filter(Boolean);

export default {
  id: 'packages',
  title: 'Packages',
  render: crudView({
    title: 'Packages',
    singular: 'package',
    path: '/api/packages',
    sort: 'name,asc',
    deletable: true,
    live: ['package.Package'],
    search: [{ name: 'q', label: 'Name' }, { label: 'Status', control: () => select('status', ['ACTIVE', 'DISABLED', 'ARCHIVED'], { blank: 'Any status' }) }],
    columns: () => [
      { label: 'Name', sort: 'name', value: (p) => h('strong', p.name) },
      { label: 'Status', sort: 'status', value: (p) => badge(p.status) },
      { label: 'DID limit', class: 'num', sort: 'didLimit', value: (p) => count(p.didLimit) },
      { label: 'Allowed tags', value: (p) => (p.tags?.length ? p.tags.map((t) => h('span.tag', t)) : h('span.muted', 'any')) },
      { label: 'Description', value: (p) => h('span.clip', { title: p.description || '' }, p.description || '') },
      { label: 'Id', value: (p) => shortId(p.id) },
    ],
    form: (p) => [
      field('Name', input('name', { value: p.name || '', required: true, maxlength: 128 })),
      h('div.row',
        field('DID limit', input('didLimit', { type: 'number', min: 0, step: 1, required: true, value: p.didLimit ?? 1 }),
          'How many DIDs a client may pick.'),
        field('Status', select('status', ['ACTIVE', 'DISABLED', 'ARCHIVED'], { value: p.status || 'ACTIVE' }))),
      field('Allowed tags', input('tags', { value: (p.tags || []).join(', '), placeholder: 'e.g. nyc, la — empty = any tag' })),
      field('Description', h('textarea', { name: 'description', rows: 3, maxlength: 1000 }, p.description || '')),
    ],
    body: (v) => ({ name: v.name, didLimit: Number(v.didLimit), tags: tagList(v.tags), description: v.description ?? '', status: v.status }),
  }),
};
