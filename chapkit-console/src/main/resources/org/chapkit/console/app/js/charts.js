// Charts drawn as inline SVG (no chart library): the forecast plot, time series and sparklines.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, v);
  for (const c of children.flat()) if (c) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function niceTicks(min, max, count = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const step = 10 ** Math.floor(Math.log10((max - min) / count));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (max - min) / s <= count) ?? step * 10;
  const ticks = [];
  for (let t = Math.ceil(min / nice) * nice; t <= max + 1e-9; t += nice) ticks.push(+t.toPrecision(12));
  return ticks;
}

function format(value) {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return abs >= 100 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(abs >= 1 ? 1 : 2);
}

const path = (points) => points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');

/**
 * The forecast plot of one location: observed history, median and the 50 % / 90 % bands on a shared period axis.
 * @param history [{ period, value }]
 * @param bands [{ period, median, lo50, hi50, lo90, hi90 }]
 */
export function forecastChart(history, bands, { title = 'Forecast', width = 760, height = 320 } = {}) {
  const periods = [...new Set([...history.map((p) => p.period), ...bands.map((p) => p.period)])].sort();
  const values = [...history.map((p) => p.value), ...bands.flatMap((p) => [p.lo90, p.hi90])].filter(Number.isFinite);
  const margin = { left: 52, right: 16, top: 16, bottom: 40 };
  const min = Math.min(0, ...values);
  const max = Math.max(...values, 1);
  const x = (period) => margin.left + (periods.length <= 1 ? 0.5 : periods.indexOf(period) / (periods.length - 1)) * (width - margin.left - margin.right);
  const y = (value) => height - margin.bottom - ((value - min) / (max - min || 1)) * (height - margin.top - margin.bottom);
  const band = (lo, hi, cls, label) => bands.length
    ? svg('path', { class: cls, 'data-series': label, d: `${path(bands.map((p) => [x(p.period), y(p[hi])]))}L${path(bands.map((p) => [x(p.period), y(p[lo])]).reverse()).slice(1)}Z` })
    : null;
  const labelEvery = Math.max(1, Math.ceil(periods.length / 8));
  return svg('svg', { class: 'chart forecast-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    svg('title', {}, title),
    niceTicks(min, max).map((t) => svg('g', { class: 'grid' },
      svg('line', { x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }),
      svg('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, format(t)))),
    periods.map((p, i) => (i % labelEvery === 0 ? svg('text', { class: 'axis', x: x(p), y: height - margin.bottom + 18, 'text-anchor': 'middle' }, p) : null)),
    band('lo90', 'hi90', 'band band-90', 'band-90'),
    band('lo50', 'hi50', 'band band-50', 'band-50'),
    history.length ? svg('path', { class: 'line history', 'data-series': 'history', d: path(history.map((p) => [x(p.period), y(p.value)])) }) : null,
    bands.length ? svg('path', { class: 'line median', 'data-series': 'median', d: path(bands.map((p) => [x(p.period), y(p.median)])) }) : null,
    svg('g', { class: 'legend', transform: `translate(${margin.left + 8},${height - 8})` },
      [['history', 'observed'], ['median', 'median'], ['band-50', '50 %'], ['band-90', '90 %']].map(([cls, label], i) => svg('g', { transform: `translate(${i * 110},0)` },
        svg('rect', { class: `swatch ${cls}`, x: 0, y: -9, width: 14, height: 9 }),
        svg('text', { x: 20, y: 0 }, label)))));
}

/**
 * A time series chart of several named series [{ name, points: [[ms, value]] }] over a common time axis.
 */
export function timeChart(series, { title, unit = '', width = 520, height = 200 } = {}) {
  const all = series.flatMap((s) => s.points);
  const margin = { left: 56, right: 12, top: 12, bottom: 28 };
  if (all.length < 2) {
    return svg('svg', { class: 'chart time-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
      svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'muted-text' }, 'collecting samples…'));
  }
  const t0 = Math.min(...all.map((p) => p[0]));
  const t1 = Math.max(...all.map((p) => p[0]));
  const max = Math.max(...all.map((p) => p[1]), 1e-9);
  const x = (t) => margin.left + ((t - t0) / (t1 - t0 || 1)) * (width - margin.left - margin.right);
  const y = (v) => height - margin.bottom - (v / max) * (height - margin.top - margin.bottom);
  return svg('svg', { class: 'chart time-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    svg('title', {}, title),
    niceTicks(0, max, 4).map((t) => svg('g', { class: 'grid' },
      svg('line', { x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }),
      svg('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, `${format(t)}${unit}`))),
    svg('text', { class: 'axis', x: margin.left, y: height - 8 }, new Date(t0).toLocaleTimeString()),
    svg('text', { class: 'axis', x: width - margin.right, y: height - 8, 'text-anchor': 'end' }, new Date(t1).toLocaleTimeString()),
    series.map((s, i) => svg('path', { class: `line series-${i}`, 'data-series': s.name, d: path(s.points.map(([t, v]) => [x(t), y(v)])) })),
    svg('g', { class: 'legend', transform: `translate(${margin.left + 120},${height - 8})` },
      series.map((s, i) => svg('g', { transform: `translate(${i * 120},0)` },
        svg('rect', { class: `swatch series-${i}`, x: 0, y: -9, width: 14, height: 9 }), svg('text', { x: 20, y: 0 }, s.name)))));
}

/** A small line of values (no axes). */
export function sparkline(values, { width = 160, height = 36, label = 'trend' } = {}) {
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  return svg('svg', { class: 'sparkline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    svg('path', { class: 'line', d: path(values.map((v, i) => [i * step, height - 2 - (v / max) * (height - 4)])) }));
}

/** Dots on a time axis from now to a little after the last time (at least a day), labelled; the schedules timeline. */
export function timeline(items, { width = 760, height = 44 } = {}) {
  const now = Date.now();
  const times = items.map((i) => i.time).filter(Boolean);
  const end = now + Math.max(86400e3, (Math.max(now, ...times) - now) * 1.15);
  const x = (t) => 8 + ((t - now) / (end - now)) * (width - 16);
  const axis = height - 14;
  return svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height + 18}`, role: 'img', 'aria-label': 'next runs' },
    svg('line', { class: 'axis-line', x1: 8, x2: width - 8, y1: axis, y2: axis }),
    svg('text', { class: 'axis', x: 8, y: height + 14 }, 'now'),
    svg('text', { class: 'axis', x: width - 8, y: height + 14, 'text-anchor': 'end' }, new Date(end).toLocaleString()),
    items.filter((i) => i.time).map((i, n) => svg('g', {},
      svg('circle', { class: `dot ${i.cls ?? ''}`, cx: x(i.time), cy: axis, r: 5 }, svg('title', {}, `${i.label} · ${new Date(i.time).toLocaleString()}`)),
      svg('text', { x: x(i.time), y: axis - 10 - (n % 2) * 12, 'text-anchor': x(i.time) > width - 120 ? 'end' : 'middle' }, i.label))));
}
