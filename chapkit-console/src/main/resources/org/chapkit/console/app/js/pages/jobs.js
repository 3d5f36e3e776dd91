// Jobs: filter, live progress from each active job's $stream, cancel one or many, error with traceback, artifact,
// and the run log (metrics with their history by step, parameters, tags) from $run-log.
import { del, followJob, get } from '../api.js';
import { sparkline } from '../charts.js';
import { ago, badge, button, duration, empty, errorBox, facts, h, loading, mount, pageHeader, progressBar, table, toast, when } from '../dom.js';

const MAX_STREAMS = 4;
const WINDOWS = { any: Infinity, '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3 };

export default {
  render(root, ctx) {
    const [initialState = 'all', selectedId] = ctx.params;
    const frames = new Map(); // job id → latest $stream frame (progress, message, artifact_id)
    const runLogs = new Map(); // job id → { log, error, at, final }: the last $run-log answer
    const streams = new Map(); // job id → AbortController
    const selected = new Set();
    let jobs = null;
    let error = null;

    const stateFilter = h('select', { id: 'job-state', 'aria-label': 'State' },
      ['all', 'pending', 'running', 'completed', 'failed', 'canceled'].map((s) => h('option', { value: s, selected: s === initialState }, s)));
    const windowFilter = h('select', { id: 'job-window', 'aria-label': 'Submitted within' },
      Object.keys(WINDOWS).map((w) => h('option', { value: w }, w === 'any' ? 'any time' : `last ${w}`)));
    const textFilter = h('input', { id: 'job-search', type: 'search', placeholder: 'id or error text', 'aria-label': 'Search jobs' });
    const bulk = button('Cancel selected', cancelSelected, 'danger', { id: 'bulk-cancel', disabled: true });
    const header = pageHeader('Jobs', 'Every job of this service, newest first. Active jobs stream their progress live.');
    const list = h('div', {}, loading('Loading jobs'));
    const detail = h('section', { class: 'card detail', id: 'job-detail', hidden: !selectedId, 'aria-live': 'polite' });
    mount(root, header, h('div', { class: 'toolbar' }, h('label', { for: 'job-state' }, 'State'), stateFilter,
      h('label', { for: 'job-window' }, 'Submitted'), windowFilter, textFilter, bulk), list, detail);
    for (const el of [stateFilter, windowFilter, textFilter]) el.addEventListener('input', draw);

    function visible() {
      const state = stateFilter.value;
      const since = Date.now() - WINDOWS[windowFilter.value];
      const text = textFilter.value.trim().toLowerCase();
      return (jobs ?? []).filter((j) => (state === 'all' || j.status === state)
        && new Date(j.submitted_at).getTime() >= since
        && (!text || j.id.toLowerCase().includes(text) || (j.error ?? '').toLowerCase().includes(text)));
    }

    function draw() {
      if (error) return mount(list, errorBox(error, refresh));
      if (!jobs) return;
      const rows = visible();
      bulk.disabled = ![...selected].some((id) => rows.find((j) => j.id === id && !terminal(j)));
      if (!rows.length) {
        mount(list, empty(jobs.length ? 'No job matches the filter.' : 'No jobs yet. Run a task or train a model to see one here.',
          h('a', { class: 'button', href: '#/tasks' }, 'Run a task'), h('a', { class: 'button', href: '#/train' }, 'Train a model')));
        return;
      }
      mount(list, table([
        { label: h('span', { class: 'sr-only' }, 'Select'), cell: (j) => (terminal(j) ? '' : h('input', { type: 'checkbox', 'aria-label': `select ${j.id}`, checked: selected.has(j.id), onchange: (e) => { e.target.checked ? selected.add(j.id) : selected.delete(j.id); draw(); } })) },
        { label: 'Job', cell: (j) => h('a', { href: `#/jobs/${stateFilter.value}/${j.id}`, class: 'mono' }, j.id) },
        { label: 'State', cell: (j) => badge(j.status) },
        { label: 'Progress', cell: (j) => progressCell(j) },
        { label: 'Submitted', cell: (j) => h('span', { title: j.submitted_at }, ago(j.submitted_at)) },
        { label: 'Duration', cell: (j) => duration(j.started_at, j.finished_at) },
        { label: 'Actions', cell: (j) => (terminal(j) ? button('Delete', () => cancel(j.id, 'Deleted'), 'ghost small') : button('Cancel', () => cancel(j.id, 'Canceled'), 'danger small')) },
      ], rows, { rowAttrs: (j) => ({ 'data-job': j.id, 'data-status': j.status }) }));
      drawDetail();
    }

    function progressCell(job) {
      const frame = frames.get(job.id);
      if (job.status === 'completed') return progressBar(1, `${job.id} progress`);
      if (job.status === 'failed') return h('span', { class: 'error-text' }, (job.error ?? 'failed').slice(0, 80));
      if (!frame) return job.status === 'pending' ? h('span', { class: 'muted' }, 'waiting') : '—';
      return h('div', {}, progressBar(frame.progress ?? 0, `${job.id} progress`), frame.progress_message ? h('span', { class: 'muted small' }, frame.progress_message) : null);
    }

    function drawDetail() {
      const id = ctx.params[1];
      const job = jobs?.find((j) => j.id === id);
      detail.hidden = !id;
      if (!id) return;
      if (!job) return mount(detail, h('h2', {}, 'Job'), empty(`Job ${id} is not (or no longer) in the list.`));
      const frame = frames.get(id);
      mount(detail, h('h2', {}, 'Job ', h('code', {}, id), ' ', badge(job.status)),
        facts([['Submitted', when(job.submitted_at)], ['Started', when(job.started_at)], ['Finished', when(job.finished_at)],
          ['Duration', duration(job.started_at, job.finished_at)],
          ['Progress', frame?.progress !== undefined && frame?.progress !== null ? `${Math.round(frame.progress * 100)} % ${frame.progress_message ?? ''}` : '—'],
          ['Result artifact', frame?.artifact_id ? h('a', { href: `#/artifacts/${frame.artifact_id}` }, frame.artifact_id) : '—']]),
        job.error ? h('div', {}, h('h3', {}, 'Error'), h('p', { class: 'error-text' }, job.error)) : null,
        job.error_traceback ? h('details', { open: true }, h('summary', {}, 'Traceback'), h('pre', { class: 'traceback' }, job.error_traceback)) : null,
        runLogView(runLogs.get(id)));
      if (!frame) watch(job, true);
      loadRunLog(job);
    }

    // A finished job's log is read once; a running job's again every few seconds while its detail is open.
    async function loadRunLog(job) {
      const known = runLogs.get(job.id);
      if (known && (known.final || known.loading || Date.now() - known.at < 3000)) return;
      runLogs.set(job.id, { ...known, loading: true });
      const final = terminal(job);
      try {
        const log = await get(`api/v1/jobs/${job.id}/$run-log`, null, { signal: ctx.signal });
        runLogs.set(job.id, { log, at: Date.now(), final });
      } catch (e) {
        if (e.name === 'AbortError') return;
        runLogs.set(job.id, { error: e, at: Date.now(), final });
      }
      schedule();
    }

    function watch(job, once = false) {
      if (streams.has(job.id) || (!once && streams.size >= MAX_STREAMS)) return;
      const controller = new AbortController();
      ctx.signal.addEventListener('abort', () => controller.abort());
      streams.set(job.id, controller);
      followJob(job.id, (frame) => {
        frames.set(job.id, frame);
        const known = jobs?.find((j) => j.id === job.id);
        if (known && frame.status) Object.assign(known, { status: frame.status, started_at: frame.started_at, finished_at: frame.finished_at, error: frame.error, error_traceback: frame.error_traceback });
        schedule();
      }, controller.signal).catch(() => {}).finally(() => streams.delete(job.id));
    }

    let pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      setTimeout(() => { pending = false; draw(); header.markUpdated('live'); }, 150);
    }

    async function refresh() {
      try {
        jobs = await get('api/v1/jobs', null, { signal: ctx.signal });
        error = null;
        for (const job of jobs) if (!terminal(job)) watch(job);
        header.markUpdated(streams.size ? 'live' : 'polling');
      } catch (e) {
        if (e.name === 'AbortError') return;
        error = e;
      }
      draw();
    }

    async function cancel(id, verb) {
      try {
        await del(`api/v1/jobs/${id}`);
        toast(`${verb} ${id}`);
        selected.delete(id);
        await refresh();
      } catch (e) {
        toast(e.message, 'error');
      }
    }

    async function cancelSelected() {
      const ids = [...selected];
      const results = await Promise.allSettled(ids.map((id) => del(`api/v1/jobs/${id}`)));
      const failed = results.filter((r) => r.status === 'rejected').length;
      toast(failed ? `${ids.length - failed} canceled, ${failed} failed` : `${ids.length} canceled`, failed ? 'error' : 'info');
      selected.clear();
      await refresh();
    }

    ctx.every(2000, refresh);
  },
};

/** The run log of a job: one row per metric (last value, steps, history by step), then its parameters and tags. */
export function runLogView(entry) {
  const section = (...children) => h('div', { id: 'job-run-log' }, h('h3', {}, 'Run log'), ...children);
  if (!entry || (!entry.log && !entry.error)) return section(loading('Loading the run log'));
  if (entry.error) return section(h('p', { class: 'muted' }, `No run log: ${entry.error.message}`));
  const log = entry.log;
  const params = Object.entries(log.params ?? {});
  const tags = Object.entries(log.tags ?? {});
  const byName = new Map();
  for (const point of log.metrics ?? []) {
    if (!byName.has(point.name)) byName.set(point.name, []);
    byName.get(point.name).push(point);
  }
  if (!byName.size && !params.length && !tags.length) return section(h('p', { class: 'muted' }, 'Nothing logged.'));
  return section(
    byName.size ? table([
      { label: 'Metric', cell: ([name]) => h('code', {}, name) },
      { label: 'Last value', cell: ([name, points]) => number(log.latest_metrics?.[name] ?? points.at(-1).value) },
      { label: 'Steps', cell: ([, points]) => (points.length > 1 ? `${points.length} points, steps ${points[0].step}–${points.at(-1).step}` : `step ${points[0].step}`) },
      { label: 'History', cell: ([name, points]) => (points.length > 1 ? sparkline(points.map((p) => p.value), { label: `${name} by step` }) : '—') },
    ], [...byName.entries()], { caption: 'Metrics', rowAttrs: ([name]) => ({ 'data-metric': name }) }) : null,
    params.length ? h('div', { class: 'run-log-params' }, h('h4', {}, 'Parameters'), facts(params)) : null,
    tags.length ? h('div', { class: 'run-log-tags' }, h('h4', {}, 'Tags'), facts(tags)) : null);
}

function number(value) {
  return Number.isInteger(value) ? String(value) : Number(value).toPrecision(4);
}

function terminal(job) {
  return ['completed', 'failed', 'canceled'].includes(job.status);
}
