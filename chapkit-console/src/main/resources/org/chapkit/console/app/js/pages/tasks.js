// Tasks: settings, a run form from the parameter schema (server field errors at the field), enable/disable,
// the run followed live, run history from the result artifacts, orphaned tasks.
import { ApiError, followJob, get, post } from '../api.js';
import { ago, badge, button, empty, errorBox, facts, h, loading, mount, pageHeader, progressBar, table, toast } from '../dom.js';
import { schemaForm } from '../schema-form.js';

export default {
  async render(root, ctx) {
    const header = pageHeader('Tasks', 'Named units of work; run one with parameters, or let a schedule run it.');
    const body = h('div', {}, loading('Loading tasks'));
    mount(root, header, body);
    let tasks;
    let orphaned = [];
    try {
      [tasks, orphaned] = await Promise.all([get('api/v1/tasks', null, { signal: ctx.signal }), get('api/v1/tasks/$orphaned', null, { signal: ctx.signal }).catch(() => [])]);
      header.markUpdated('loaded');
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    if (!tasks.length) return mount(body, empty('This service declares no tasks. Annotate a bean method with @Task to add one.'));
    const name = ctx.params[0] ?? tasks[0].name;
    const task = tasks.find((t) => t.name === name) ?? tasks[0];
    const detail = h('section', { class: 'card detail', 'aria-labelledby': 'task-title' });
    mount(body,
      h('div', { class: 'split' },
        h('section', { class: 'card', 'aria-label': 'task list' }, h('ul', { class: 'pick-list' }, tasks.map((t) => h('li', {},
          h('a', { href: `#/tasks/${encodeURIComponent(t.name)}`, 'aria-current': t.name === task.name ? 'true' : null, 'data-task': t.name },
            h('strong', {}, t.name), ' ', t.enabled ? null : badge('disabled'), h('br'), t.tags.map((tag) => badge(tag, 'tag')))))),
          orphaned.length ? h('div', {}, h('h3', {}, 'Orphaned'), h('p', { class: 'muted' }, 'Known from stored runs or schedules, no longer declared.'),
            h('ul', {}, orphaned.map((o) => h('li', {}, h('code', {}, o.name), h('span', { class: 'muted' }, ` (${o.known_from.join(', ')})`))))) : null),
        detail));
    renderTask(detail, task, ctx, header);
  },
};

function renderTask(detail, task, ctx, header) {
  const form = schemaForm(task.parameters ?? {}, `task-${task.name}`);
  const formError = h('p', { class: 'field-error', role: 'alert', id: 'task-form-error' });
  const run = h('div', { id: 'task-run', 'aria-live': 'polite' });
  const history = h('div', {}, loading('Loading run history'));
  const toggle = button(task.enabled ? 'Disable' : 'Enable', async () => {
    try {
      const updated = await post(`api/v1/tasks/${encodeURIComponent(task.name)}/${task.enabled ? '$disable' : '$enable'}`);
      Object.assign(task, updated);
      toast(`${task.name} ${task.enabled ? 'enabled' : 'disabled'}`);
      renderTask(detail, task, ctx, header);
    } catch (error) {
      toast(error.message, 'error');
    }
  }, 'ghost', { id: 'task-toggle' });

  const submit = async (event) => {
    event.preventDefault();
    formError.textContent = '';
    form.showErrors({});
    try {
      const accepted = await post(`api/v1/tasks/${encodeURIComponent(task.name)}/$execute`, { params: form.values() });
      follow(accepted);
    } catch (error) {
      if (error instanceof ApiError) {
        const rest = form.showErrors(error.fieldErrors());
        formError.textContent = Object.keys(rest).length || !Object.keys(error.fieldErrors()).length ? error.message : '';
      } else throw error;
    }
  };

  function follow(accepted) {
    const bar = h('div', {}, progressBar(0, 'task run progress'));
    const message = h('p', { class: 'muted' }, 'submitted');
    mount(run, h('h3', {}, 'Run ', h('a', { href: `#/jobs/all/${accepted.job_id}`, class: 'mono' }, accepted.job_id)), bar, message);
    followJob(accepted.job_id, (frame) => {
      mount(bar, progressBar(frame.status === 'completed' ? 1 : frame.progress ?? 0, 'task run progress'));
      message.textContent = `${frame.status}${frame.progress_message ? ` — ${frame.progress_message}` : ''}`;
      header.markUpdated('live');
    }, ctx.signal).then((last) => {
      if (!last) return;
      run.dataset.status = last.status;
      if (last.status === 'failed') run.append(h('pre', { class: 'traceback' }, last.error_traceback ?? last.error));
      if (last.artifact_id) run.append(h('p', {}, 'Result: ', h('a', { href: `#/artifacts/${last.artifact_id}` }, last.artifact_id)));
      loadHistory();
    }).catch((error) => { if (error.name !== 'AbortError') run.append(errorBox(error)); });
  }

  async function loadHistory() {
    try {
      const artifacts = await get('api/v1/artifacts', null, { signal: ctx.signal });
      const runs = artifacts.filter((a) => a.data?.task_name === task.name).sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 20);
      mount(history, runs.length ? table([
        { label: 'When', cell: (a) => ago(a.created_at) },
        { label: 'Outcome', cell: (a) => (a.data.error ? badge('failed') : badge('succeeded', 'completed')) },
        { label: 'Params', cell: (a) => h('code', {}, JSON.stringify(a.data.params ?? {})) },
        { label: 'Result', cell: (a) => h('a', { href: `#/artifacts/${a.id}` }, 'artifact') },
      ], runs) : empty('No runs stored yet.'));
    } catch (error) {
      if (error.name !== 'AbortError') mount(history, errorBox(error, loadHistory));
    }
  }

  const retry = task.retry;
  mount(detail,
    h('div', { class: 'page-header' }, h('div', {}, h('h2', { id: 'task-title' }, task.name, ' ', task.enabled ? badge('enabled', 'completed') : badge('disabled')), h('p', { class: 'muted' }, task.description ?? '')), h('div', { class: 'actions' }, toggle)),
    facts([['Tags', task.tags.join(', ') || '—'], ['Retry', retry ? `${retry.max_attempts} attempts, ${retry.initial_delay} ×${retry.multiplier} ≤ ${retry.max_delay}` : '—'],
      ['Concurrency', task.concurrency_limit ?? 'unlimited'], ['Timeout', task.timeout ?? '—'], ['Cache', task.cache_ttl ?? '—'],
      ['Cut runs', task.idempotent ? 'run again (idempotent)' : 'fail'], ['Schedule in code', task.schedule ? (task.schedule.cron ?? task.schedule.interval) : '—'], ['Signature', h('code', {}, task.signature)]]),
    h('form', { id: 'task-form', class: 'form', onsubmit: submit, novalidate: true },
      h('h3', {}, 'Run'), form.isEmpty ? h('p', { class: 'muted' }, 'This task takes no parameters.') : form.element, formError,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'task-run-button', disabled: !task.enabled }, 'Run task'))),
    run, h('h3', {}, 'History'), history);
  loadHistory();
}
