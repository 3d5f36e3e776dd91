// Small DOM helpers and the designed loading / empty / error states every page uses.

/** Creates an element: h('button', { class: 'button', onclick }, 'Text', child…). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function loading(what = 'Loading') {
  return h('div', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `${what}…`);
}

export function empty(message, ...actions) {
  return h('div', { class: 'state empty' }, h('p', {}, message), actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function errorBox(error, retry) {
  return h('div', { class: 'state error', role: 'alert' },
    h('p', {}, h('strong', {}, error?.status ? `Error ${error.status}` : 'Error'), ' — ', error?.message ?? String(error)),
    retry ? h('button', { type: 'button', class: 'button', onclick: retry }, 'Retry') : null);
}

/** A page header: title, optional description and actions, and the "updated" stamp of live pages. */
export function pageHeader(title, description, ...actions) {
  const updated = h('span', { class: 'updated muted', 'data-updated': '' }, '');
  const header = h('div', { class: 'page-header' },
    h('div', {}, h('h1', {}, title), description ? h('p', { class: 'muted' }, description) : null),
    h('div', { class: 'actions' }, actions, updated));
  header.markUpdated = (live = 'polling') => {
    updated.textContent = `${live} · updated ${new Date().toLocaleTimeString()}`;
    updated.dataset.updated = new Date().toISOString();
  };
  return header;
}

export function button(label, onclick, cls = '', attrs = {}) {
  return h('button', { type: 'button', class: `button ${cls}`.trim(), onclick, ...attrs }, label);
}

export function badge(text, kind = text) {
  return h('span', { class: `badge badge-${String(kind).toLowerCase()}` }, text);
}

export function progressBar(fraction, label) {
  const pct = Math.round(Math.max(0, Math.min(1, fraction ?? 0)) * 100);
  return h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-label': label ?? 'progress' },
    h('div', { class: 'progress-track' }, h('div', { class: 'progress-fill', style: `width:${pct}%` })), h('span', { class: 'progress-text' }, `${pct} %`));
}

/** A table from column specs [{ label, cell(row) }]. */
export function table(columns, rows, { caption, rowAttrs } = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {}, columns.map((c) => h('td', { 'data-label': c.label }, c.cell(row))))))));
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: date.toISOString() }, date.toLocaleString());
}

export function ago(iso) {
  if (!iso) return '—';
  const seconds = (Date.now() - new Date(iso).getTime()) / 1000;
  const abs = Math.abs(seconds);
  const text = abs < 60 ? `${Math.round(abs)} s` : abs < 3600 ? `${Math.round(abs / 60)} min` : abs < 86400 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} d`;
  return seconds >= 0 ? `${text} ago` : `in ${text}`;
}

export function duration(start, end) {
  if (!start) return '—';
  const ms = (end ? new Date(end) : new Date()) - new Date(start);
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

/** A definition list from [[term, value], …]. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

/** A short-lived notice at the bottom of the screen. */
export function toast(message, kind = 'info') {
  const el = h('div', { class: `toast toast-${kind}`, role: 'status' }, message);
  document.body.append(el);
  setTimeout(() => el.remove(), 4000);
}

/** Pretty JSON with collapsible objects. */
export function jsonView(value, depth = 0) {
  if (value === null || typeof value !== 'object') {
    return h('span', { class: `json-${value === null ? 'null' : typeof value}` }, JSON.stringify(value));
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const open = depth < 2 && entries.length <= 50;
  return h('details', { class: 'json', open },
    h('summary', {}, Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`),
    h('ul', {}, entries.slice(0, 200).map(([k, v]) => h('li', {}, h('span', { class: 'json-key' }, `${k}: `), jsonView(v, depth + 1))),
      entries.length > 200 ? h('li', { class: 'muted' }, `… ${entries.length - 200} more`) : null));
}
