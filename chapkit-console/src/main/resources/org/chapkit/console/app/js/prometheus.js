// Parsing of the Prometheus text format that GET /metrics answers, and the sums the Metrics page charts.

/** [{ name, labels: {…}, value }] from Prometheus text exposition 0.0.4. */
export function parsePrometheus(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const [, key, value] of (match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

/** The sum of a metric's samples whose labels pass the filter. */
export function total(samples, name, filter = () => true) {
  return samples.filter((s) => s.name === name && filter(s.labels)).reduce((sum, s) => sum + (Number.isFinite(s.value) ? s.value : 0), 0);
}

/** What the Metrics page keeps per scrape. */
export function snapshot(samples, at) {
  const api = (l) => l.http_target !== '/metrics';
  return {
    at,
    requests: total(samples, 'http_server_duration_milliseconds_count', api),
    requestMillis: total(samples, 'http_server_duration_milliseconds_sum', api),
    jobsDone: total(samples, 'chapkit_jobs_duration_seconds_count'),
    pending: total(samples, 'chapkit_jobs_pending'),
    running: total(samples, 'chapkit_jobs_running'),
    heap: total(samples, 'jvm_memory_used_bytes', (l) => l.area === 'heap'),
    nonHeap: total(samples, 'jvm_memory_used_bytes', (l) => l.area === 'nonheap'),
  };
}

/** Per-second rates between consecutive snapshots of a counter field. */
export function rates(snapshots, field, per = 1) {
  const out = [];
  for (let i = 1; i < snapshots.length; i++) {
    const seconds = (snapshots[i].at - snapshots[i - 1].at) / 1000;
    const delta = snapshots[i][field] - snapshots[i - 1][field];
    if (seconds > 0 && delta >= 0) out.push([snapshots[i].at, (delta / seconds) * per]);
  }
  return out;
}
