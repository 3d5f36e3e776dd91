// Schedules: a timeline of next runs, the list with last run and its job, create/edit with a live preview of the
// next 5 fire times (POST api/v1/schedules/$preview), enable/disable/trigger/delete.
import { ApiError, del, get, post, put } from '../api.js';
import { timeline } from '../charts.js';
import { ago, badge, button, empty, errorBox, h, loading, mount, pageHeader, table, toast } from '../dom.js';
import { schemaForm } from '../schema-form.js';

export default {
  render(root, ctx) {
    const header = pageHeader('Schedules', 'Tasks run by cron expression, fixed interval or once.',
      button('New schedule', () => openEditor(null), 'primary', { id: 'schedule-new' }));
    const line = h('section', { class: 'card', 'aria-label': 'timeline of next runs' });
    const list = h('div', {}, loading('Loading schedules'));
    const editor = h('section', { class: 'card detail', id: 'schedule-editor', hidden: true });
    mount(root, header, line, editor, list);
    let tasks = [];
    const tasksLoaded = get('api/v1/tasks', null, { signal: ctx.signal }).then((t) => { tasks = t; }, () => {});

    async function refresh() {
      try {
        const schedules = await get('api/v1/schedules', null, { signal: ctx.signal });
        header.markUpdated();
        mount(line, h('h2', {}, 'Next runs'), schedules.some((s) => s.enabled && s.next_run_at)
          ? timeline(schedules.filter((s) => s.enabled).map((s) => ({ time: s.next_run_at && new Date(s.next_run_at).getTime(), label: s.task })))
          : h('p', { class: 'muted' }, 'Nothing is scheduled to run.'));
        if (!schedules.length) return mount(list, empty('No schedules yet.', button('New schedule', () => openEditor(null), 'primary')));
        mount(list, table([
          { label: 'Task', cell: (s) => h('a', { href: `#/tasks/${encodeURIComponent(s.task)}` }, s.task) },
          { label: 'Trigger', cell: (s) => h('code', {}, s.cron ? `cron ${s.cron} (${s.time_zone})` : s.interval ? `every ${s.interval}` : `once ${s.run_at}`) },
          { label: 'State', cell: (s) => [s.enabled ? badge('enabled', 'completed') : badge('disabled'), s.declared_in_code ? badge('in code', 'tag') : null] },
          { label: 'Next run', cell: (s) => (s.next_run_at ? h('span', { title: s.next_run_at, 'data-next-run': s.next_run_at }, ago(s.next_run_at)) : '—') },
          { label: 'Last run', cell: (s) => (s.last_run_at ? [ago(s.last_run_at), ' ', s.last_job_id ? h('a', { href: `#/jobs/all/${s.last_job_id}` }, 'job') : null] : '—') },
          { label: 'Actions', cell: (s) => h('div', { class: 'actions' },
            button(s.enabled ? 'Disable' : 'Enable', () => act(`api/v1/schedules/${s.id}/${s.enabled ? '$disable' : '$enable'}`, s.enabled ? 'Disabled' : 'Enabled'), 'ghost small'),
            button('Run now', () => act(`api/v1/schedules/${s.id}/$trigger`, 'Triggered'), 'ghost small'),
            s.declared_in_code ? null : button('Edit', () => openEditor(s), 'ghost small'),
            s.declared_in_code ? null : button('Delete', async () => { try { await del(`api/v1/schedules/${s.id}`); toast('Deleted'); refresh(); } catch (e) { toast(e.message, 'error'); } }, 'danger small')) },
        ], schedules, { rowAttrs: (s) => ({ 'data-schedule': s.id }) }));
      } catch (error) {
        if (error.name !== 'AbortError') mount(list, errorBox(error, refresh));
      }
    }

    async function act(path, verb) {
      try {
        await post(path);
        toast(verb);
        refresh();
      } catch (error) {
        toast(error.message, 'error');
      }
    }

    async function openEditor(existing) {
      await tasksLoaded;
      editor.hidden = false;
      const kind = existing?.cron ? 'cron' : existing?.run_at ? 'run_at' : 'interval';
      const taskSelect = h('select', { id: 'schedule-task', name: 'task' }, tasks.map((t) => h('option', { value: t.name, selected: t.name === existing?.task }, t.name)));
      const kindSelect = h('select', { id: 'schedule-kind', name: 'kind' }, [['cron', 'Cron expression'], ['interval', 'Fixed interval'], ['run_at', 'Once (one-off)']].map(([v, l]) => h('option', { value: v, selected: v === kind }, l)));
      const when = h('input', { id: 'schedule-when', name: 'when', type: 'text', value: existing?.cron ?? existing?.interval ?? existing?.run_at ?? '', placeholder: '', 'aria-describedby': 'schedule-when-error' });
      const zone = h('input', { id: 'schedule-zone', name: 'time_zone', type: 'text', value: existing?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC' });
      const policy = h('select', { id: 'schedule-policy', name: 'missed_run_policy' }, ['skip', 'run_once', 'run_all'].map((p) => h('option', { value: p, selected: p === existing?.missed_run_policy }, p)));
      const whenError = h('p', { class: 'field-error', id: 'schedule-when-error', role: 'alert' });
      const paramsBox = h('div');
      const preview = h('ol', { id: 'schedule-preview', 'aria-live': 'polite' });
      const formError = h('p', { class: 'field-error', role: 'alert' });
      let params = null;
      const placeholders = { cron: '0 */15 * * * *  or  30 3 * * *  or  @daily', interval: '15m, 1h or PT30M', run_at: '2030-01-31T02:00:00' };

      function drawParams() {
        const task = tasks.find((t) => t.name === taskSelect.value);
        params = schemaForm(task?.parameters ?? {}, 'schedule-param', existing?.task === taskSelect.value ? existing.params : {});
        mount(paramsBox, params.isEmpty ? null : h('fieldset', {}, h('legend', {}, 'Parameters'), params.element));
      }

      function request() {
        const body = { task: taskSelect.value, params: params.values(), time_zone: zone.value.trim() || 'UTC', missed_run_policy: policy.value };
        body[kindSelect.value] = when.value.trim();
        return body;
      }

      function showErrors(error) {
        const fields = error instanceof ApiError ? error.fieldErrors() : {};
        whenError.textContent = fields.cron ?? fields.interval ?? fields.run_at ?? '';
        const rest = params.showErrors(fields);
        delete rest.cron; delete rest.interval; delete rest.run_at;
        formError.textContent = Object.keys(rest).length ? Object.entries(rest).map(([k, m]) => `${k}: ${m}`).join('; ') : (Object.keys(fields).length ? '' : error.message);
      }

      let timer;
      function refreshPreview() {
        when.placeholder = placeholders[kindSelect.value];
        clearTimeout(timer);
        timer = setTimeout(async () => {
          if (!when.value.trim()) return mount(preview, h('li', { class: 'muted' }, 'Enter when it should run to see the next fire times.'));
          try {
            const answer = await post('api/v1/schedules/$preview', request(), { count: 5 });
            whenError.textContent = '';
            formError.textContent = '';
            params.showErrors({});
            mount(preview, answer.next_runs.length ? answer.next_runs.map((t) => h('li', { 'data-run': t }, new Date(t).toLocaleString(), h('span', { class: 'muted' }, ` (${ago(t)})`))) : h('li', { class: 'muted' }, 'It never fires.'));
          } catch (error) {
            mount(preview);
            showErrors(error);
          }
        }, 250);
      }

      async function save(event) {
        event.preventDefault();
        try {
          if (existing) await put(`api/v1/schedules/${existing.id}`, request());
          else await post('api/v1/schedules', request());
          toast(existing ? 'Schedule saved' : 'Schedule created');
          editor.hidden = true;
          refresh();
        } catch (error) {
          showErrors(error);
        }
      }

      drawParams();
      taskSelect.addEventListener('change', () => { drawParams(); refreshPreview(); });
      for (const el of [kindSelect, when, zone]) el.addEventListener('input', refreshPreview);
      paramsBox.addEventListener('input', refreshPreview);
      mount(editor, h('h2', {}, existing ? 'Edit schedule' : 'New schedule'),
        tasks.length ? h('form', { class: 'form', id: 'schedule-form', onsubmit: save, novalidate: true },
          h('div', { class: 'field' }, h('label', { for: 'schedule-task' }, 'Task'), taskSelect),
          h('div', { class: 'field' }, h('label', { for: 'schedule-kind' }, 'Runs'), kindSelect),
          h('div', { class: 'field' }, h('label', { for: 'schedule-when' }, 'When'), when, whenError),
          h('div', { class: 'field' }, h('label', { for: 'schedule-zone' }, 'Time zone'), zone),
          h('div', { class: 'field' }, h('label', { for: 'schedule-policy' }, 'Missed runs'), policy),
          paramsBox,
          h('h3', {}, 'Next 5 fire times'), preview, formError,
          h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'schedule-save' }, existing ? 'Save' : 'Create'),
            button('Cancel', () => { editor.hidden = true; }, 'ghost'))) : empty('This service has no tasks to schedule.'));
      refreshPreview();
      when.focus();
    }

    ctx.every(5000, refresh);
  },
};
