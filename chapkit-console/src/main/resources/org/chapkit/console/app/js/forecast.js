// Forecast arithmetic: quantile bands from the sample_* columns of a prediction frame. Pure functions, tested in
// the browser test (ConsoleBrowserTests) by importing this module.

/** The q-quantile (0…1) of ascending-sorted numbers, linear between order statistics (R type 7, numpy default). */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Indices of the sample_<i> columns. */
export function sampleColumns(columns) {
  return columns.map((name, index) => (/^sample_\d+$/.test(name) ? index : -1)).filter((index) => index >= 0);
}

/**
 * Per location, per period: median and the 50 % (25–75) and 90 % (5–95) bands of the samples.
 * @param frame {columns, data} with time_period, location and sample_* columns
 * @returns Map location → [{ period, median, lo50, hi50, lo90, hi90, samples }] sorted by period
 */
export function forecastBands(frame) {
  const period = frame.columns.indexOf('time_period');
  const location = frame.columns.indexOf('location');
  const samples = sampleColumns(frame.columns);
  if (period < 0 || samples.length === 0) throw new Error('not a prediction frame: needs time_period and sample_* columns');
  const out = new Map();
  for (const row of frame.data) {
    const values = samples.map((i) => Number(row[i])).filter(Number.isFinite).sort((a, b) => a - b);
    const key = location >= 0 ? String(row[location]) : '(all)';
    if (!out.has(key)) out.set(key, []);
    out.get(key).push({
      period: String(row[period]),
      median: quantile(values, 0.5),
      lo50: quantile(values, 0.25),
      hi50: quantile(values, 0.75),
      lo90: quantile(values, 0.05),
      hi90: quantile(values, 0.95),
      samples: values.length,
    });
  }
  for (const points of out.values()) points.sort((a, b) => a.period.localeCompare(b.period));
  return out;
}

/** Per location, the observed target ([{ period, value }] sorted by period) of a historic frame. */
export function historySeries(frame, target = 'disease_cases') {
  const period = frame.columns.indexOf('time_period');
  const location = frame.columns.indexOf('location');
  const value = frame.columns.indexOf(target);
  const out = new Map();
  if (period < 0 || value < 0) return out;
  for (const row of frame.data) {
    const key = location >= 0 ? String(row[location]) : '(all)';
    if (!out.has(key)) out.set(key, []);
    const number = Number(row[value]);
    if (row[value] !== null && Number.isFinite(number)) out.get(key).push({ period: String(row[period]), value: number });
  }
  for (const points of out.values()) points.sort((a, b) => a.period.localeCompare(b.period));
  return out;
}

/** The last `count` history points of each location, so a kept history stays small. */
export function trimHistory(history, count = 36) {
  return new Map([...history].map(([key, points]) => [key, points.slice(-count)]));
}
