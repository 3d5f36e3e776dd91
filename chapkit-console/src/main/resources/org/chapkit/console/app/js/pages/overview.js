// Overview: who the service is, its health per check, jobs by state, recent failures and throughput.
import { get } from '../api.js';
import { sparkline } from '../charts.js';
import { ago, badge, empty, errorBox, facts, h, loading, mount, pageHeader } from '../dom.js';

const STATES = ['pending', 'running', 'completed', 'failed', 'canceled'];

/** Jobs finished per minute over the last `minutes` minutes, oldest first. */
export function throughput(jobs, minutes = 30, now = Date.now()) {
  const buckets = new Array(minutes).fill(0);
  for (const job of jobs) {
    if (!job.finished_at) continue;
    const age = Math.floor((now - new Date(job.finished_at).getTime()) / 60000);
    if (age >= 0 && age < minutes) buckets[minutes - 1 - age]++;
  }
  return buckets;
}

export default {
  render(root, ctx) {
    const header = pageHeader('Overview', 'The service, its health and its recent work.');
    const identity = h('section', { class: 'card', 'aria-labelledby': 'ov-identity' }, h('h2', { id: 'ov-identity' }, 'Service'), loading());
    const health = h('section', { class: 'card', 'aria-labelledby': 'ov-health' }, h('h2', { id: 'ov-health' }, 'Health'), loading());
    const jobs = h('section', { class: 'card', 'aria-labelledby': 'ov-jobs' }, h('h2', { id: 'ov-jobs' }, 'Jobs'), loading());
    const failures = h('section', { class: 'card wide', 'aria-labelledby': 'ov-failures' }, h('h2', { id: 'ov-failures' }, 'Recent failures'), loading());
    mount(root, header, h('div', { class: 'grid' }, identity, health, jobs, failures));

    get('api/v1/info', null, { signal: ctx.signal }).then((info) => {
      mount(identity, h('h2', { id: 'ov-identity' }, info.display_name ?? info.id), info.description ? h('p', {}, info.description) : null,
        facts([['Id', info.id], ['Version', info.version], ['Period', info.period_type],
          ['Prediction periods', info.min_prediction_periods !== undefined ? `${info.min_prediction_periods} – ${info.max_prediction_periods}` : null],
          ['Required covariates', (info.required_covariates ?? []).join(', ') || '—'],
          ['Author', info.model_metadata?.author], ['Status', info.model_metadata?.author_assessed_status]]),
        h('p', {}, h('a', { href: '../docs' }, 'API reference (Swagger UI)'), ' · ', h('a', { href: '../openapi.json' }, 'openapi.json')));
    }, (error) => mount(identity, h('h2', { id: 'ov-identity' }, 'Service'), errorBox(error)));

    ctx.every(5000, async () => {
      try {
        const [status, system] = await Promise.all([
          get('health', null, { signal: ctx.signal }),
          get('api/v1/system', null, { signal: ctx.signal }).catch(() => null),
        ]);
        mount(health, h('h2', { id: 'ov-health' }, 'Health ', badge(status.status)),
          h('ul', { class: 'checks' }, Object.entries(status.checks ?? {}).map(([name, check]) =>
            h('li', {}, badge(check.state), ' ', name, check.message ? h('span', { class: 'muted' }, ` — ${check.message}`) : null))),
          system ? facts([['Instance', system.hostname], ['Runtime', system.python_version], ['Time zone', system.timezone]]) : null);
      } catch (error) {
        if (error.name !== 'AbortError') mount(health, h('h2', { id: 'ov-health' }, 'Health'), errorBox(error));
      }
      try {
        const list = await get('api/v1/jobs', null, { signal: ctx.signal });
        const counts = Object.fromEntries(STATES.map((s) => [s, list.filter((j) => j.status === s).length]));
        mount(jobs, h('h2', { id: 'ov-jobs' }, 'Jobs'),
          h('ul', { class: 'counts' }, STATES.map((s) => h('li', {}, h('a', { href: `#/jobs/${s}` }, h('strong', { 'data-count': s }, counts[s]), ' ', s)))),
          h('p', { class: 'muted' }, 'Finished per minute, last 30 minutes'), sparkline(throughput(list), { label: 'jobs finished per minute' }));
        const failed = list.filter((j) => j.status === 'failed').slice(0, 5);
        mount(failures, h('h2', { id: 'ov-failures' }, 'Recent failures'), failed.length
          ? h('ul', { class: 'failures' }, failed.map((j) => h('li', {}, h('a', { href: `#/jobs/all/${j.id}` }, h('code', {}, j.id)), ' ', ago(j.finished_at), h('p', { class: 'error-text' }, j.error))))
          : empty('No failed jobs.'));
        header.markUpdated();
      } catch (error) {
        if (error.name !== 'AbortError') mount(jobs, h('h2', { id: 'ov-jobs' }, 'Jobs'), errorBox(error));
      }
    });
  },
};
