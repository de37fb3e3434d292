// A bulk job (range, list, import, mass edit, mass delete, undo) followed live: progress, counts and per-row errors.
import { api } from '../api.js';
import { h, clear, count, problem, badge, attempt } from '../dom.js';
import { session } from '../session.js';

const UNDOABLE = ['CREATE_RANGE', 'CREATE_LIST', 'IMPORT', 'MASS_UPDATE', 'MASS_DELETE'];

/** A real, finished creation or mass change not undone yet may be undone (the server decides the rest: 409s). */
export const undoable = (job) => UNDOABLE.includes(job.kind) && !job.dryRun && job.state !== 'RUNNING' && !job.undoneBy;

const kindOf = (job) => String(job.kind || 'job').replaceAll('_', ' ').toLowerCase();

/** True when a response body is a job rather than a resource. */
export const isJob = (body) => body && typeof body === 'object' && 'state' in body && ('total' in body || 'errors' in body);

function report(job) {
  const done = (job.succeeded ?? 0) + (job.failed ?? 0);
  const percent = job.total ? Math.round((done * 100) / job.total) : job.state === 'RUNNING' ? 0 : 100;
  const errors = job.errors || [];
  // Imports number their rows (header = row 1); lists and ranges have none.
  const withRows = errors.some((e) => e.row !== null && e.row !== undefined);
  return h('div.job',
    h('div.job-state', badge(job.state), h('span.muted', ` ${kindOf(job)}${job.dryRun ? ' (dry run: nothing written)' : ''} · ${job.id ?? ''}`)),
    job.detail && h('div.notice', job.detail),
    job.undoOf && h('p.muted', `Undo of job ${job.undoOf}: DIDs changed since that job are left alone and listed below.`),
    job.undoneBy && h('p.muted', `Undone by job ${job.undoneBy}.`),
    h('div.progress', { role: 'progressbar', 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 },
      h('div.bar', { style: `width:${percent}%`, class: job.failed ? 'with-errors' : '' })),
    h('div.job-counts',
      h('span', h('strong', count(done)), ` of ${count(job.total)} processed`),
      h('span.ok-text', `${count(job.succeeded)} succeeded`),
      h('span.error-text', `${count(job.failed)} failed`)),
    errors.length > 0 && h('div.table-wrap.job-errors',
      h('table.data.compact',
        h('thead', h('tr', withRows && h('th.num', 'Row'), h('th', 'Number'), h('th', 'Reason'))),
        h('tbody', errors.map((e) => h('tr', withRows && h('td.num', e.row ?? ''), h('td.mono', e.number ?? ''), h('td', e.reason ?? '')))))),
    (job.errorsOmitted > 0 || job.failed > errors.length) && errors.length > 0
      && h('p.muted', `Showing the first ${count(errors.length)} of ${count(job.failed)} errors.`));
}

/**
 * The undo of a job: first its dry run, whose preview says how many DIDs would be undone and which are left alone;
 * then, only when asked from the preview, the real undo, followed live.
 */
async function undo(job, onChange) {
  const preview = await attempt(() => api.post(`/api/dids/jobs/${job.id}/undo`, undefined, { dryRun: true }));
  if (preview?.body && isJob(preview.body)) {
    const seen = await followJob(preview.body, `Preview (dry run): undo of ${kindOf(job)} ${job.id}`, 'Undo for real');
    if (seen?.proceed) {
      const real = await attempt(() => api.post(`/api/dids/jobs/${job.id}/undo`));
      if (real?.body && isJob(real.body)) await followJob(real.body, `Undo of ${kindOf(job)} ${job.id}`);
    }
  }
  onChange?.();
}

/** Cancel (a running job, for those who may write), undo (a finished one, for admins) and its row report. */
export function jobActions(job, onChange, size = '') {
  const button = (klass) => `button${klass}${size ? '.' + size : ''}`;
  return [
    job.failed > 0 && h(button(''), {
      type: 'button', onclick: () => attempt(() => api.download(`/api/dids/jobs/${job.id}/errors`, {}, `job-${job.id}-errors.csv`), 'Row report downloaded'),
    }, 'Row report'),
    job.state === 'RUNNING' && session.can.write() && h(button('.danger-text'), {
      type: 'button',
      onclick: async () => {
        if (await attempt(() => api.post(`/api/dids/jobs/${job.id}/cancel`), 'Cancelling: the job stops within a second or two')) onChange?.();
      },
    }, 'Cancel job'),
    undoable(job) && session.can.delete() && h(button('.danger-text'), {
      type: 'button', title: 'Undo what this job did, after a preview', onclick: () => undo(job, onChange),
    }, 'Undo'),
  ];
}

/**
 * Opens a dialog following the job until it ends; resolves with the final job when the dialog is closed. With
 * {@code proceedLabel} (a dry run's preview) a button of that name, usable once the job COMPLETED, closes it and
 * resolves with the job marked {@code proceed: true}.
 */
export function followJob(job, title = 'Bulk job', proceedLabel = undefined) {
  return new Promise((resolve) => {
    const body = h('div.dialog-body', report(job));
    const actions = h('span.actions', jobActions(job));
    let proceed = false;
    const proceedButton = proceedLabel && h('button.primary', {
      type: 'button', disabled: job.state !== 'COMPLETED', onclick: () => { proceed = true; box.close(); },
    }, proceedLabel);
    const closeButton = h(proceedLabel ? 'button' : 'button.primary', { type: 'button', onclick: () => box.close() }, 'Close');
    const box = h('dialog.modal.wide',
      h('div.dialog-form', h('header', h('h2', title)), body, h('footer', h('span.muted.hint', 'Closing does not stop the job; the Jobs tab shows it again.'), actions, closeButton, proceedButton)));
    const controller = new AbortController();
    let last = job;
    box.addEventListener('close', () => { controller.abort(); box.remove(); resolve(proceed ? { ...last, proceed } : last); });
    document.body.append(box);
    box.showModal();
    closeButton.focus();
    if (job.state === 'RUNNING' && job.id) {
      api.followJob(job.id, (next) => {
        last = next;
        clear(body, report(next));
        clear(actions, jobActions(next));
        if (proceedButton) proceedButton.disabled = next.state !== 'COMPLETED';
      }, { signal: controller.signal })
        .catch((e) => body.append(problem(e)));
    }
  });
}
