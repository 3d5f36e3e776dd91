// The model registry: each model's versions (status, aliases, lineage), alias history and A/B routing, and the
// backtests (ml_evaluation artifacts) with their overall and per-split scores.
import { get } from '../api.js';
import { ago, badge, empty, errorBox, facts, h, loading, mount, pageHeader, table } from '../dom.js';

const score = (value) => (typeof value === 'number' ? value.toFixed(3) : '—');
const percent = (value) => (typeof value === 'number' ? `${Math.round(value * 100)} %` : '—');

export default {
  async render(root, ctx) {
    const header = pageHeader('Registry', 'Model versions, aliases, routing and backtests.');
    const body = h('div', {}, loading('Loading the registry'));
    mount(root, header, body);
    let models;
    let artifacts;
    try {
      [models, artifacts] = await Promise.all([
        get('api/v1/models', null, { signal: ctx.signal }),
        get('api/v1/artifacts', null, { signal: ctx.signal }),
      ]);
      header.markUpdated('loaded');
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    const sections = [];
    for (const model of models) {
      let versions = [];
      let history = [];
      let routing = null;
      try {
        [versions, history] = await Promise.all([
          get(`api/v1/models/${encodeURIComponent(model.name)}/versions`, null, { signal: ctx.signal }),
          get(`api/v1/models/${encodeURIComponent(model.name)}/alias-history`, null, { signal: ctx.signal }),
        ]);
        routing = await get(`api/v1/models/${encodeURIComponent(model.name)}/routing`, null, { signal: ctx.signal }).catch(() => null);
      } catch (error) {
        if (error.name === 'AbortError') return;
        sections.push(errorBox(error));
        continue;
      }
      sections.push(h('section', { class: 'card', 'data-model': model.name },
        h('h2', {}, 'Model ', h('code', {}, model.name)),
        facts([
          ['Versions', String(model.versions)],
          ['Latest', model.latest_version ?? '—'],
          ['Aliases', Object.entries(model.aliases).map(([alias, version]) => `${alias} → ${version}`).join(', ') || '—'],
          ['Routing', routing ? routing.splits.map((s) => `${s.alias} ${s.weight}`).join(' / ') + (routing.shadow ? ` (shadow ${routing.shadow})` : '') : '—'],
        ]),
        versions.length
          ? table([
            { label: 'Version', cell: (v) => String(v.version) },
            { label: 'Status', cell: (v) => badge(v.status, v.status === 'active' ? 'completed' : 'canceled') },
            { label: 'Aliases', cell: (v) => v.aliases.join(', ') || '—' },
            { label: 'Config', cell: (v) => h('a', { href: `#/configs/${v.lineage.config_id}` }, `${v.lineage.config_id.slice(-8)} v${v.lineage.config_version}`) },
            { label: 'Data', cell: (v) => `${v.lineage.rows} × ${v.lineage.columns} · ${v.lineage.data_sha256.slice(0, 12)}` },
            { label: 'Trained', cell: (v) => `${ago(v.created_at)} in ${v.lineage.training_duration_seconds ?? '—'} s` },
            { label: 'Artifact', cell: (v) => h('a', { href: `#/models/${v.artifact_id}` }, v.artifact_id.slice(-8)) },
          ], versions, { caption: 'Versions', rowAttrs: (v) => ({ 'data-version': v.version }) })
          : empty('No versions yet: train a model.'),
        history.length
          ? table([
            { label: 'Alias', cell: (m) => m.alias },
            { label: 'Move', cell: (m) => `${m.from_version ?? '—'} → ${m.to_version ?? 'deleted'}` },
            { label: 'When', cell: (m) => ago(m.moved_at) },
          ], history.slice(-20).reverse(), { caption: 'Alias history (latest 20)' })
          : null));
    }
    const evaluations = artifacts.filter((a) => a.data?.type === 'ml_evaluation').sort((a, b) => b.created_at.localeCompare(a.created_at));
    sections.push(h('section', { class: 'card', 'aria-label': 'backtests' },
      h('h2', {}, 'Backtests'),
      evaluations.length
        ? table([
          { label: 'Backtest', cell: (e) => h('a', { href: `#/artifacts/${e.id}` }, e.id.slice(-8)) },
          { label: 'Config', cell: (e) => `${e.data.config_id.slice(-8)} v${e.data.config_version}` },
          { label: 'Splits × horizon', cell: (e) => `${e.data.splits.length} × ${e.data.horizon}` },
          { label: 'MAE', cell: (e) => score(e.data.overall.mae) },
          { label: 'RMSE', cell: (e) => score(e.data.overall.rmse) },
          { label: 'CRPS', cell: (e) => score(e.data.overall.crps) },
          { label: '50 % / 90 % coverage', cell: (e) => `${percent(e.data.overall.coverage_50)} / ${percent(e.data.overall.coverage_90)}` },
          { label: 'When', cell: (e) => ago(e.created_at) },
        ], evaluations, { rowAttrs: (e) => ({ 'data-evaluation': e.id }) })
        : empty('No backtests yet: POST /api/v1/ml/$backtest.')));
    mount(body, sections);
  },
};
