// Models and predictions: trainings with their predictions, and a forecast plot per location (history line,
// median, 50 % and 90 % bands from the sample_* columns) with a location picker and downloads.
import { get } from '../api.js';
import { fileButton } from './artifacts.js';
import { forecastChart } from '../charts.js';
import { ago, badge, empty, errorBox, facts, h, loading, mount, pageHeader } from '../dom.js';
import { forecastBands } from '../forecast.js';
import { keptHistory } from '../kept-history.js';

export default {
  async render(root, ctx) {
    const header = pageHeader('Models', 'Trained models and their predictions.', h('a', { class: 'button primary', href: '#/train' }, 'Train / predict'));
    const body = h('div', {}, loading('Loading models'));
    mount(root, header, body);
    let artifacts;
    try {
      artifacts = await get('api/v1/artifacts', null, { signal: ctx.signal });
      header.markUpdated('loaded');
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    const trainings = artifacts.filter((a) => a.data?.type === 'ml_training_workspace' || a.data?.type === 'ml_training')
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    if (!trainings.length) return mount(body, empty('No trained models yet.', h('a', { class: 'button primary', href: '#/train' }, 'Train a model')));
    const [trainingId = trainings[0].id, predictionId] = ctx.params;
    const predictionsOf = (id) => artifacts.filter((a) => a.parent_id === id && a.data?.type === 'ml_prediction').sort((a, b) => b.created_at.localeCompare(a.created_at));
    const plot = h('section', { class: 'card detail', id: 'forecast' });
    mount(body, h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-label': 'models' }, h('ul', { class: 'pick-list' }, trainings.map((t) => h('li', {},
        h('a', { href: `#/models/${t.id}`, 'aria-current': t.id === trainingId && !predictionId ? 'true' : null }, h('strong', {}, 'Model '), h('span', { class: 'mono small' }, t.id.slice(-8)), ' ', badge(t.data.metadata?.status ?? 'unknown', t.data.metadata?.status === 'success' ? 'completed' : 'failed'), h('br'), h('span', { class: 'muted small' }, ago(t.created_at))),
        h('ul', {}, predictionsOf(t.id).map((p) => h('li', {}, h('a', { href: `#/models/${t.id}/${p.id}`, 'aria-current': p.id === predictionId ? 'true' : null, 'data-prediction': p.id }, 'Prediction ', h('span', { class: 'mono small' }, p.id.slice(-8)), ' ', h('span', { class: 'muted small' }, ago(p.created_at)))))))))),
      plot));
    const training = trainings.find((t) => t.id === trainingId) ?? trainings[0];
    const prediction = predictionId ? artifacts.find((a) => a.id === predictionId) : predictionsOf(training.id)[0];
    const meta = training.data.metadata ?? {};
    if (!prediction) {
      return mount(plot, h('h2', {}, 'Model ', h('code', {}, training.id)), facts([['Config', meta.config_id ? h('a', { href: `#/configs/${meta.config_id}` }, meta.config_id) : '—'], ['Trained', ago(training.created_at)], ['Duration', meta.duration_seconds !== undefined ? `${meta.duration_seconds} s` : '—']]),
        empty('This model has no predictions yet.', h('a', { class: 'button primary', href: `#/train/predict/${training.id}` }, 'Predict with it')));
    }
    mount(plot, loading('Loading the prediction'));
    try {
      const full = await get(`api/v1/artifacts/${prediction.id}`, null, { signal: ctx.signal });
      showForecast(plot, training, full, keptHistory(prediction.id));
    } catch (error) {
      if (error.name !== 'AbortError') mount(plot, errorBox(error));
    }
  },
};

/** Renders the plot card for one prediction artifact (also used by the Train / predict page). */
export function showForecast(el, training, prediction, history) {
  let bands;
  try {
    bands = forecastBands(prediction.data.content);
  } catch (error) {
    return mount(el, errorBox(error));
  }
  const locations = [...bands.keys()].sort();
  const picker = h('select', { id: 'forecast-location', 'aria-label': 'Location' }, locations.map((l) => h('option', { value: l }, l)));
  const chart = h('div', { class: 'chart-box' });
  const draw = () => mount(chart, forecastChart(history.get(picker.value) ?? [], bands.get(picker.value), { title: `Forecast for ${picker.value}` }),
    history.has(picker.value) ? null : h('p', { class: 'muted small' }, 'No observed history kept for this prediction in this tab; predict from the Train / predict page to see it.'));
  picker.addEventListener('change', draw);
  const link = (format) => fileButton(`api/v1/artifacts/${prediction.id}/$download`, { format }, format.toUpperCase());
  mount(el, h('h2', {}, 'Forecast ', h('code', { class: 'small' }, prediction.id)),
    h('div', { class: 'toolbar' }, h('label', { for: 'forecast-location' }, 'Location'), picker, h('span', { class: 'spacer' }), link('csv'), link('json'), link('parquet'),
      training ? fileButton(`api/v1/artifacts/${training.id}/$export`, { format: 'csv' }, 'All predictions of this model') : null),
    chart,
    h('p', { class: 'muted small' }, `${bands.get(locations[0])?.[0]?.samples ?? 0} samples per period; bands are the 25–75 % and 5–95 % quantiles.`));
  draw();
}
