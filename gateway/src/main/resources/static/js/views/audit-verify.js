// Audit › Verify: recomputes the audit hash chain over one DID or a time range and says, in words, whether the log
// is as it was written and, if not, which entry first differs and how.
import { api } from '../api.js';
import { h, clear, field, input, facts, problem, loading, dateTimeInput, isoFromLocal, when, mono, count } from '../dom.js';

const CHECKS = {
  hash: 'its content was changed after it was recorded',
  prevHash: 'it no longer follows the entry before it: that entry was changed, removed or inserted',
  head: 'the last entry of this DID is not the one recorded: entries were removed or added at the end',
  unchained: 'it was never chained',
  root: 'a periodic root over all streams does not match the entries it covers',
};

export function verifyView(root) {
  const result = h('div.results');
  const form = h('form.filters', { role: 'search' },
    field('DID number', input('did', { placeholder: 'e.g. +1 555 000 0001', size: 18 }), 'or a time range'),
    field('From', dateTimeInput('from')),
    field('To', dateTimeInput('to')),
    h('div.filter-actions', h('button.primary', { type: 'submit' }, 'Verify')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v));
    const query = data.did ? { did: data.did } : { from: isoFromLocal(data.from), to: isoFromLocal(data.to) };
    clear(result, loading());
    try {
      clear(result, report(await api.get('/api/audit/verify', query), data.did ? `DID ${data.did}` : 'the range'));
    } catch (err) {
      clear(result, problem(err));
    }
  });
  root.append(h('p.muted.hint', 'Every stored event carries a hash chained to the one before it. Verify recomputes them.'),
    form, result);
}

function report(r, what) {
  const m = r.firstMismatch;
  const summary = m
    ? h('div.notice.verify-result', { dataset: { verified: 'false' } },
      h('strong', 'The audit log was changed. '),
      m.check === 'root'
        ? `Root ${m.root}: ${CHECKS.root}.`
        : `The first entry that differs is ${m.type ? m.type.replace(/^did\./, '') : 'an event'} of ${m.stream || 'no subject'} `
          + `(entry ${m.streamSeq ?? '?'} of its stream${m.eventId ? `, event ${m.eventId}` : ''}): ${CHECKS[m.check] || m.check}.`,
      m.changedFields?.length ? ` Changed compared with the event as received: ${m.changedFields.join(', ')}.` : '')
    : h('div.notice.ok.verify-result', { dataset: { verified: 'true' } },
      r.checked === 0 ? `No events recorded for ${what}.` : `All ${count(r.checked)} entries of ${what} are as they were recorded.`);
  return h('div', summary, facts([
    ['Entries checked', count(r.checked)],
    ['Entries that agree', count(r.verified)],
    ['Roots checked', count(r.rootsVerified)],
    ['Took', `${count(r.tookMillis)} ms`],
    m && ['Entry at', m.at ? when(m.at) : ''],
    m && ['Expected hash', mono(m.expected)],
    m && ['Stored hash', mono(m.stored)],
  ]));
}
