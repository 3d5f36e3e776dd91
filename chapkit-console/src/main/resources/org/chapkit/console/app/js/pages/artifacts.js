// Artifacts: the tree, a JSON viewer, a paged DataFrame preview (api/v1/artifacts/{id}/$rows — never the whole
// frame) and downloads in every format.
import { del, download, get, url } from '../api.js';
import { ago, badge, button, empty, errorBox, facts, h, jsonView, loading, mount, pageHeader, table, toast, when } from '../dom.js';

const FRAME = 'application/vnd.chapkit.dataframe+json';
const PAGE = 25;

/** Roots with their children, from the flat list (by parent_id), newest roots first. */
export function buildTree(artifacts) {
  const byId = new Map(artifacts.map((a) => [a.id, { ...a, children: [] }]));
  const roots = [];
  for (const node of byId.values()) {
    const parent = node.parent_id && byId.get(node.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (nodes) => nodes.sort((a, b) => b.created_at.localeCompare(a.created_at)).forEach((n) => sort(n.children));
  sort(roots);
  return roots;
}

export function label(artifact) {
  return artifact.data?.type ?? artifact.data?.task_name ?? artifact.level_label ?? `level ${artifact.level}`;
}

export default {
  async render(root, ctx) {
    const header = pageHeader('Artifacts', 'Everything the service stored: models, predictions, task results, uploads.');
    const body = h('div', {}, loading('Loading artifacts'));
    mount(root, header, body);
    let artifacts;
    try {
      artifacts = await get('api/v1/artifacts', null, { signal: ctx.signal });
      header.markUpdated('loaded');
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    if (!artifacts.length) return mount(body, empty('No artifacts yet. Train a model or run a task.', h('a', { class: 'button primary', href: '#/train' }, 'Train a model')));
    const selected = ctx.params[0];
    const node = (a) => h('li', {},
      h('a', { href: `#/artifacts/${a.id}`, 'aria-current': a.id === selected ? 'true' : null, 'data-artifact': a.id }, badge(label(a), 'tag'), ' ', h('span', { class: 'mono small' }, a.id.slice(-8)), ' ', h('span', { class: 'muted small' }, ago(a.created_at))),
      a.children.length ? h('ul', {}, a.children.map(node)) : null);
    const detail = h('section', { class: 'card detail', id: 'artifact-detail' });
    mount(body, h('div', { class: 'split' }, h('section', { class: 'card tree', 'aria-label': 'artifact tree' }, h('ul', { role: 'tree' }, buildTree(artifacts).map(node))), detail));
    const artifact = artifacts.find((a) => a.id === selected);
    if (!artifact) return mount(detail, empty('Pick an artifact in the tree.'));
    showArtifact(detail, artifact, artifacts, ctx);
  },
};

function showArtifact(detail, artifact, artifacts, ctx) {
  const data = artifact.data ?? {};
  const isFrame = data.content_type === FRAME;
  const hasFrameChildren = artifacts.some((a) => a.parent_id === artifact.id && a.data?.content_type === FRAME);
  const file = (path, query, text) => fileButton(path, query, text);
  const dl = (query, text) => file(`api/v1/artifacts/${artifact.id}/$download`, query, text);
  const preview = h('div', { id: 'frame-preview' });
  mount(detail, h('h2', {}, label(artifact), ' ', h('code', { class: 'small' }, artifact.id)),
    facts([['Created', when(artifact.created_at)], ['Level', artifact.level], ['Parent', artifact.parent_id ? h('a', { href: `#/artifacts/${artifact.parent_id}` }, artifact.parent_id) : '—'],
      ['Tags', (artifact.tags ?? []).join(', ') || '—'], ['Content', data.content_type ? `${data.content_type}${data.content_size ? `, ${data.content_size} bytes` : ''}` : '—']]),
    h('div', { class: 'actions', id: 'artifact-downloads' },
      isFrame ? ['csv', 'json', 'jsonl', 'parquet'].map((format) => dl({ format }, format.toUpperCase())) : dl({}, 'Download'),
      isFrame ? dl({ format: 'csv', compression: 'gzip' }, 'CSV.gz') : null,
      hasFrameChildren ? file(`api/v1/artifacts/${artifact.id}/$export`, { format: 'csv' }, 'Export predictions (CSV)') : null,
      data.type === 'ml_prediction' ? h('a', { class: 'button small', href: `#/models/${artifact.parent_id}/${artifact.id}` }, 'Forecast plot') : null,
      button('Delete tree', async () => {
        if (!confirm('Delete this artifact and everything below it?')) return;
        try { await del(`api/v1/artifacts/${artifact.id}`); toast('Deleted'); ctx.navigate('#/artifacts'); } catch (e) { toast(e.message, 'error'); }
      }, 'danger small')),
    isFrame ? [h('h3', {}, 'Table'), preview] : null,
    h('h3', {}, 'Data'), jsonView(data));
  if (isFrame) page(preview, artifact.id, 0, ctx);
}

async function page(el, id, offset, ctx) {
  mount(el, loading('Loading rows'));
  try {
    const rows = await get(`api/v1/artifacts/${id}/$rows`, { offset, limit: PAGE }, { signal: ctx.signal });
    const last = Math.min(offset + rows.data.length, rows.total_rows);
    mount(el, table(rows.columns.map((c, i) => ({ label: c, cell: (r) => format(r[i]) })), rows.data),
      h('div', { class: 'pager' },
        button('‹ Previous', () => page(el, id, Math.max(0, offset - PAGE), ctx), 'small', { disabled: offset === 0 }),
        h('span', { 'data-rows': `${offset + 1}-${last}` }, `rows ${rows.total_rows ? offset + 1 : 0}–${last} of ${rows.total_rows}`),
        button('Next ›', () => page(el, id, offset + PAGE, ctx), 'small', { disabled: last >= rows.total_rows, id: 'rows-next' })));
  } catch (error) {
    if (error.name !== 'AbortError') mount(el, errorBox(error));
  }
}

/** A button that downloads with the tab's credential; data-href is the file's URL. */
export function fileButton(path, query, text) {
  return button(text, async () => {
    try {
      await download(path, query);
    } catch (error) {
      toast(error.message, 'error');
    }
  }, 'small', { 'data-href': url(path, query) });
}

function format(value) {
  return typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : value === null ? '—' : String(value);
}
