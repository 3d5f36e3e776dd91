// Train / predict: pick a config and data (sample generator or a CSV/Parquet upload), see $validate's diagnostics
// before submitting, follow the job live, then plot the forecast.
import { del, followJob, get, post, request } from '../api.js';
import { badge, button, empty, errorBox, h, loading, mount, pageHeader, progressBar, table } from '../dom.js';
import { historySeries } from '../forecast.js';
import { keepHistory } from '../kept-history.js';
import { showForecast } from './models.js';

export default {
  async render(root, ctx) {
    const header = pageHeader('Train / predict', 'Train a model on data, then predict and look at the forecast.');
    const body = h('div', {}, loading('Loading configs'));
    mount(root, header, body);
    let configs;
    try {
      configs = await get('api/v1/configs', null, { signal: ctx.signal });
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    const state = { trainData: null, historic: null, future: null, trainingId: ctx.params[0] === 'predict' ? ctx.params[1] : null };
    const seed = Math.floor(Math.random() * 1e6);

    // ---- step 1: config
    const configSelect = h('select', { id: 'train-config' }, configs.map((c) => h('option', { value: c.id }, c.name)));
    const createDefault = button('Create a config with the defaults', async () => {
      try {
        const created = await post('api/v1/configs', { name: `default ${new Date().toISOString().slice(0, 16)}`, data: {} });
        configSelect.append(h('option', { value: created.id, selected: true }, created.name));
        createDefault.remove();
        trainValidate();
      } catch (error) {
        configNote.textContent = error.message;
      }
    }, configs.length ? 'ghost small' : 'primary', { id: 'train-config-default' });
    const configNote = h('p', { class: 'field-error', role: 'alert' });

    // ---- step 2: training data
    const locations = h('input', { id: 'train-locations', type: 'number', min: 1, max: 50, value: 3 });
    const periods = h('input', { id: 'train-periods', type: 'number', min: 4, max: 500, value: 36 });
    const trainFile = h('input', { id: 'train-file', type: 'file', accept: '.csv,.parquet,text/csv' });
    const trainDataNote = h('p', { class: 'muted', id: 'train-data-note' }, 'No data yet.');
    const diagnostics = h('div', { id: 'train-diagnostics', 'aria-live': 'polite' });
    const trainButton = h('button', { type: 'button', class: 'button primary', id: 'train-submit', disabled: true }, 'Train');
    const trainRun = h('div', { id: 'train-run', 'aria-live': 'polite' });

    // ---- step 3: predict
    const modelSelect = h('select', { id: 'predict-model' });
    const predictFiles = [h('input', { id: 'predict-historic-file', type: 'file', accept: '.csv,.parquet,text/csv', 'aria-label': 'historic data file' }),
      h('input', { id: 'predict-future-file', type: 'file', accept: '.csv,.parquet,text/csv', 'aria-label': 'future data file' })];
    const predictNote = h('p', { class: 'muted', id: 'predict-data-note' }, 'No data yet.');
    const predictDiagnostics = h('div', { id: 'predict-diagnostics', 'aria-live': 'polite' });
    const predictButton = h('button', { type: 'button', class: 'button primary', id: 'predict-submit', disabled: true }, 'Predict');
    const predictRun = h('div', { id: 'predict-run', 'aria-live': 'polite' });
    const forecast = h('section', { class: 'card', id: 'train-forecast', hidden: true });

    mount(body,
      h('section', { class: 'card', 'aria-labelledby': 'train-h' }, h('h2', { id: 'train-h' }, '1 · Train'),
        h('div', { class: 'field' }, h('label', { for: 'train-config' }, 'Config'), configs.length ? configSelect : h('p', { class: 'muted' }, 'There is no config yet.'), createDefault, configNote),
        h('fieldset', {}, h('legend', {}, 'Training data'),
          h('div', { class: 'toolbar' }, h('label', { for: 'train-locations' }, 'Locations'), locations, h('label', { for: 'train-periods' }, 'Periods'), periods,
            button('Generate sample data', generateTrain, '', { id: 'train-generate' })),
          h('div', { class: 'toolbar' }, h('label', { for: 'train-file' }, 'or upload CSV / Parquet'), trainFile),
          trainDataNote),
        h('h3', {}, 'Validation'), diagnostics, h('div', { class: 'actions' }, trainButton), trainRun),
      h('section', { class: 'card', 'aria-labelledby': 'predict-h' }, h('h2', { id: 'predict-h' }, '2 · Predict'),
        h('div', { class: 'field' }, h('label', { for: 'predict-model' }, 'Model'), modelSelect),
        h('fieldset', {}, h('legend', {}, 'Historic and future data'),
          h('div', { class: 'toolbar' }, button('Generate sample data', generatePredict, '', { id: 'predict-generate' })),
          h('div', { class: 'toolbar' }, h('span', {}, 'or upload'), h('label', { for: 'predict-historic-file' }, 'historic'), predictFiles[0], h('label', { for: 'predict-future-file' }, 'future'), predictFiles[1]),
          predictNote),
        h('h3', {}, 'Validation'), predictDiagnostics, h('div', { class: 'actions' }, predictButton), predictRun),
      forecast);

    async function loadModels(selectId) {
      const artifacts = await get('api/v1/artifacts', null, { signal: ctx.signal }).catch(() => []);
      const models = artifacts.filter((a) => a.data?.type === 'ml_training_workspace').sort((a, b) => b.created_at.localeCompare(a.created_at));
      mount(modelSelect, models.length ? models.map((m) => h('option', { value: m.id, selected: m.id === selectId }, `${m.id} (${m.data.metadata?.status ?? '?'})`)) : h('option', { value: '' }, 'no trained model yet'));
      header.markUpdated('loaded');
    }

    async function generateTrain() {
      trainDataNote.textContent = 'Generating…';
      try {
        const sample = await get('api/v1/ml/$generate-sample-data', { kind: 'train', num_locations: locations.value, num_periods: periods.value, seed, config_id: configSelect.value || undefined });
        state.trainData = sample.data;
        state.geo = sample.geo;
        trainDataNote.textContent = `Sample data: ${sample.data.data.length} rows × ${sample.data.columns.length} columns (${sample.data.columns.join(', ')})`;
        trainValidate();
      } catch (error) {
        trainDataNote.textContent = error.message;
      }
    }

    async function generatePredict() {
      predictNote.textContent = 'Generating…';
      try {
        const sample = await get('api/v1/ml/$generate-sample-data', { kind: 'predict', num_locations: locations.value, num_periods: periods.value, seed, config_id: configSelect.value || undefined });
        state.historic = sample.historic;
        state.future = sample.future;
        predictNote.textContent = `Sample data: ${sample.historic.data.length} historic rows, ${sample.future.data.length} future rows`;
        predictValidate();
      } catch (error) {
        predictNote.textContent = error.message;
      }
    }

    /** Reads an uploaded CSV or Parquet file as a DataFrame through $import, then deletes the import. */
    async function readUpload(file) {
      const format = file.name.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
      const imported = await request('POST', 'api/v1/artifacts/$import', { query: { format }, body: file });
      try {
        return (await get(`api/v1/artifacts/${imported.id}`)).data.content;
      } finally {
        await del(`api/v1/artifacts/${imported.id}`).catch(() => {});
      }
    }

    trainFile.addEventListener('change', async () => {
      if (!trainFile.files[0]) return;
      trainDataNote.textContent = `Reading ${trainFile.files[0].name}…`;
      try {
        state.trainData = await readUpload(trainFile.files[0]);
        trainDataNote.textContent = `${trainFile.files[0].name}: ${state.trainData.data.length} rows × ${state.trainData.columns.length} columns`;
        trainValidate();
      } catch (error) {
        trainDataNote.textContent = error.message;
      }
    });
    for (const input of predictFiles) {
      input.addEventListener('change', async () => {
        if (!predictFiles[0].files[0] || !predictFiles[1].files[0]) return;
        predictNote.textContent = 'Reading the files…';
        try {
          [state.historic, state.future] = await Promise.all(predictFiles.map((f) => readUpload(f.files[0])));
          predictNote.textContent = `${state.historic.data.length} historic rows, ${state.future.data.length} future rows`;
          predictValidate();
        } catch (error) {
          predictNote.textContent = error.message;
        }
      });
    }

    function showDiagnostics(el, result) {
      mount(el, result.diagnostics.length
        ? table([{ label: 'Severity', cell: (d) => badge(d.severity, d.severity === 'error' ? 'failed' : d.severity) }, { label: 'Code', cell: (d) => h('code', {}, d.code) }, { label: 'Field', cell: (d) => d.field ?? '—' }, { label: 'Message', cell: (d) => d.message }], result.diagnostics)
        : null, h('p', { 'data-valid': String(result.valid) }, result.valid ? badge('valid', 'completed') : badge('invalid', 'failed'), result.valid ? ' Ready to submit.' : ' Fix the errors above before submitting.'));
    }

    async function trainValidate() {
      trainButton.disabled = true;
      if (!configSelect.value || !state.trainData) return mount(diagnostics, h('p', { class: 'muted' }, 'Pick a config and data to validate.'));
      mount(diagnostics, loading('Validating'));
      try {
        const result = await post('api/v1/ml/$validate', { type: 'train', config_id: configSelect.value, data: state.trainData, geo: state.geo });
        showDiagnostics(diagnostics, result);
        trainButton.disabled = !result.valid;
      } catch (error) {
        mount(diagnostics, errorBox(error));
      }
    }

    async function predictValidate() {
      predictButton.disabled = true;
      if (!modelSelect.value || !state.historic) return mount(predictDiagnostics, h('p', { class: 'muted' }, 'Pick a model and data to validate.'));
      mount(predictDiagnostics, loading('Validating'));
      try {
        const result = await post('api/v1/ml/$validate', { type: 'predict', artifact_id: modelSelect.value, historic: state.historic, future: state.future, geo: state.geo });
        showDiagnostics(predictDiagnostics, result);
        predictButton.disabled = !result.valid;
      } catch (error) {
        mount(predictDiagnostics, errorBox(error));
      }
    }

    function follow(el, submitted, what) {
      const bar = h('div', {}, progressBar(0, `${what} progress`));
      const message = h('p', { class: 'muted' }, 'submitted');
      mount(el, h('p', {}, `${what} job `, h('a', { href: `#/jobs/all/${submitted.job_id}`, class: 'mono' }, submitted.job_id)), bar, message);
      return followJob(submitted.job_id, (frame) => {
        mount(bar, progressBar(frame.status === 'completed' ? 1 : frame.progress ?? 0, `${what} progress`));
        message.textContent = `${frame.status}${frame.progress_message ? ` — ${frame.progress_message}` : ''}`;
        header.markUpdated('live');
      }, ctx.signal).then((last) => {
        el.dataset.status = last?.status ?? 'unknown';
        if (last?.status === 'failed') el.append(h('pre', { class: 'traceback' }, last.error_traceback ?? last.error));
        return last;
      });
    }

    trainButton.addEventListener('click', async () => {
      trainButton.disabled = true;
      try {
        const submitted = await post('api/v1/ml/$train', { config_id: configSelect.value, data: state.trainData, geo: state.geo });
        const last = await follow(trainRun, submitted, 'Training');
        if (last?.status === 'completed') {
          trainRun.append(h('p', {}, 'Model ', h('a', { href: `#/models/${submitted.artifact_id}` }, submitted.artifact_id), ' is ready; predict with it below.'));
          await loadModels(submitted.artifact_id);
          predictValidate();
        }
      } catch (error) {
        if (error.name !== 'AbortError') mount(trainRun, errorBox(error));
      }
      trainButton.disabled = false;
    });

    predictButton.addEventListener('click', async () => {
      predictButton.disabled = true;
      try {
        const submitted = await post('api/v1/ml/$predict', { artifact_id: modelSelect.value, historic: state.historic, future: state.future, geo: state.geo });
        const last = await follow(predictRun, submitted, 'Prediction');
        if (last?.status === 'completed') {
          const history = historySeries(state.historic);
          keepHistory(submitted.artifact_id, history);
          const prediction = await get(`api/v1/artifacts/${submitted.artifact_id}`);
          forecast.hidden = false;
          showForecast(forecast, { id: modelSelect.value }, prediction, history);
          forecast.scrollIntoView({ block: 'nearest' });
        }
      } catch (error) {
        if (error.name !== 'AbortError') mount(predictRun, errorBox(error));
      }
      predictButton.disabled = false;
    });

    configSelect.addEventListener('change', trainValidate);
    modelSelect.addEventListener('change', predictValidate);
    await loadModels(state.trainingId);
    if (!configs.length) mount(diagnostics, empty('Create a config first (the defaults are fine).'));
    else trainValidate();
  },
};
