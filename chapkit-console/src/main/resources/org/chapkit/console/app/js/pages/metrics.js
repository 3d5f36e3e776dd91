// Metrics: request rate and latency, job throughput, queue size and age, JVM memory — over the minutes this page
// has been open, from GET /metrics (Prometheus text) and the job list.
import { get } from '../api.js';
import { timeChart } from '../charts.js';
import { errorBox, facts, h, mount, pageHeader } from '../dom.js';
import { parsePrometheus, rates, snapshot } from '../prometheus.js';

const WINDOW = 10 * 60 * 1000;
const history = []; // kept across visits of the page within the tab, so coming back shows the last minutes

export default {
  render(root, ctx) {
    const header = pageHeader('Metrics', 'The last minutes, sampled every 2 seconds while this page is open.');
    const error = h('div');
    const cards = {
      requests: h('section', { class: 'card', id: 'metric-requests' }),
      latency: h('section', { class: 'card', id: 'metric-latency' }),
      jobs: h('section', { class: 'card', id: 'metric-jobs' }),
      queue: h('section', { class: 'card', id: 'metric-queue' }),
      memory: h('section', { class: 'card', id: 'metric-memory' }),
      now: h('section', { class: 'card', id: 'metric-now' }),
    };
    mount(root, header, error, h('div', { class: 'grid' }, Object.values(cards)));

    async function scrape() {
      try {
        const [text, jobs] = await Promise.all([
          get('metrics', null, { accept: 'text/plain', signal: ctx.signal }),
          get('api/v1/jobs', { status_filter: 'pending' }, { signal: ctx.signal }).catch(() => []),
        ]);
        const now = Date.now();
        const snap = snapshot(parsePrometheus(text), now);
        snap.queueAge = jobs.length ? Math.max(...jobs.map((j) => (now - new Date(j.submitted_at).getTime()) / 1000)) : 0;
        history.push(snap);
        while (history.length && history[0].at < now - WINDOW) history.shift();
        draw();
        mount(error);
        header.markUpdated();
      } catch (e) {
        if (e.name !== 'AbortError') mount(error, errorBox(e));
      }
    }

    function draw() {
      const latency = [];
      for (let i = 1; i < history.length; i++) {
        const count = history[i].requests - history[i - 1].requests;
        if (count > 0) latency.push([history[i].at, (history[i].requestMillis - history[i - 1].requestMillis) / count]);
      }
      const series = (field, scale = 1) => history.map((s) => [s.at, s[field] * scale]);
      mount(cards.requests, h('h2', {}, 'Requests per second'), timeChart([{ name: 'requests/s', points: rates(history, 'requests') }], { title: 'requests per second' }));
      mount(cards.latency, h('h2', {}, 'Mean latency'), timeChart([{ name: 'ms', points: latency }], { title: 'mean request latency', unit: ' ms' }));
      mount(cards.jobs, h('h2', {}, 'Jobs finished per minute'), timeChart([{ name: 'jobs/min', points: rates(history, 'jobsDone', 60) }], { title: 'jobs finished per minute' }));
      mount(cards.queue, h('h2', {}, 'Queue'), timeChart([{ name: 'pending', points: series('pending') }, { name: 'running', points: series('running') }, { name: 'oldest age s', points: series('queueAge') }], { title: 'queue size and age' }));
      mount(cards.memory, h('h2', {}, 'JVM memory'), timeChart([{ name: 'heap MiB', points: series('heap', 1 / 1048576) }, { name: 'non-heap MiB', points: series('nonHeap', 1 / 1048576) }], { title: 'JVM memory in MiB' }));
      const last = history.at(-1);
      mount(cards.now, h('h2', {}, 'Now'), facts([['Requests served', last.requests], ['Jobs finished', last.jobsDone], ['Pending', last.pending], ['Running', last.running],
        ['Oldest pending', `${Math.round(last.queueAge)} s`], ['Heap', `${(last.heap / 1048576).toFixed(1)} MiB`]]));
    }

    ctx.every(2000, scrape);
  },
};
