// A bulk change previewed first: sent as a dry run, its report shown, then "Run for real" from the preview.
import { attempt } from '../dom.js';
import { followJob, isJob } from './jobs.js';

/**
 * preview: the dry run's answer (a job whose report says what would be created, changed or refused; nothing was
 * written). run() sends the same request for real. Resolves with the real job, or undefined when the preview is
 * closed without running it.
 */
export async function previewThenRun(preview, run, title) {
  if (!preview || !isJob(preview)) return preview;
  const seen = await followJob(preview, `Preview (dry run): ${title}`, 'Run for real');
  if (!seen?.proceed) return undefined;
  const real = await attempt(run);
  return real && isJob(real) ? followJob(real, title) : real;
}
