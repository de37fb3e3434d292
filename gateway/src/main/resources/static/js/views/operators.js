// Operators: the providers DIDs come from.
import { h, field, input, when, shortId } from '../dom.js';
import { crudView } from './crud.js';

export default {
  id: 'operators',
  title: 'Operators',
  render: crudView({
    title: 'Operators',
    singular: 'operator',
    path: '/api/operators',
    sort: 'name,asc',
    deletable: true,
    live: ['did.Operator'],
    search: [{ name: 'q', label: 'Name' }],
    columns: () => [
      { label: 'Name', sort: 'name', value: (o) => h('strong', o.name) },
      { label: 'Notes', value: (o) => h('span.clip', { title: o.notes || '' }, o.notes || '') },
      { label: 'DIDs', value: (o) => h('a', { href: `#/dids?operatorId=${encodeURIComponent(o.id)}` }, 'Show DIDs') },
      { label: 'Created', sort: 'createdAt', value: (o) => when(o.createdAt) },
      { label: 'Id', value: (o) => shortId(o.id) },
    ],
    form: (o) => [
      field('Name', input('name', { value: o.name || '', required: true, maxlength: 128 })),
      field('Notes', h('textarea', { name: 'notes', rows: 3, maxlength: 1000 }, o.notes || '')),
    ],
    body: (v) => ({ name: v.name, notes: v.notes ?? '' }),
  }),
};
