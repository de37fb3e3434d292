// A DID's reservation in its details: for whom and until when, and the reserve, extend and release actions.
import { api } from '../api.js';
import { h, clear, when, facts, field, input, dateTimeInput, isoFromLocal, localFromIso, dialog, toast, problem, mono, attempt } from '../dom.js';
import { session } from '../session.js';

/** The reservation box of DID `number`; `onChange` is told after a reserve, extend or release. */
export function reservationBox(number, onChange) {
  const box = h('div.reservation');
  const path = `/api/dids/${encodeURIComponent(number)}/reservation`;

  async function load(known) {
    let reservation = known;
    try {
      reservation ??= await api.get(path);
    } catch (e) {
      // a DID that is gone (deleted, undone) has no reservation; the details above say it is gone
      return clear(box, e.status === 404 ? null : problem(e));
    }
    const reserved = Boolean(reservation.reservedUntil);
    clear(box,
      h('h3', 'Reservation'),
      reserved
        ? facts([['Reserved for client', mono(reservation.clientId)], ['Deal', reservation.deal], ['Until', when(reservation.reservedUntil)]])
        : h('p.muted', reservation.status === 'IN_STOCK' ? 'Not reserved.' : 'Not reserved (only IN_STOCK DIDs can be reserved).'),
      session.can.write() && h('div.actions',
        !reserved && reservation.status === 'IN_STOCK' && h('button', { onclick: () => reserve() }, 'Reserve…'),
        reserved && h('button', { onclick: () => extend(reservation) }, 'Extend…'),
        reserved && h('button', { onclick: () => release() }, 'Release')));
  }

  async function changed(answer, message) {
    if (!answer) return;
    toast(message);
    load(answer);
    onChange?.();
  }

  async function reserve() {
    changed(await dialog({
      title: `Reserve DID ${number}`,
      intro: 'Only the client named here can take it while the reservation lasts; at its end it returns to stock by itself.',
      fields: [field('Client id', input('clientId', { maxlength: 36 })), field('Deal', input('deal', { maxlength: 200 })),
        field('Until', dateTimeInput('reservedUntil', { required: true }))],
      submit: async (v) => (await api.post(path, {
        reservedFor: { clientId: v.clientId || null, deal: v.deal || null }, reservedUntil: isoFromLocal(v.reservedUntil),
      })).body,
    }), `DID ${number} reserved`);
  }

  async function extend(reservation) {
    changed(await dialog({
      title: `Extend the reservation of ${number}`,
      fields: [field('Until', dateTimeInput('reservedUntil', { required: true, value: localFromIso(reservation.reservedUntil) }))],
      submit: async (v) => (await api.post(`${path}/extend`, { reservedUntil: isoFromLocal(v.reservedUntil) })).body,
    }), `Reservation of ${number} extended`);
  }

  async function release() {
    const answer = await attempt(() => api.post(`${path}/release`));
    changed(answer?.body, `Reservation of ${number} released`);
  }

  load();
  return box;
}
