// Configs: list, a form generated from the config schema, create/edit/delete, linked artifacts.
import { ApiError, del, get, post, put } from '../api.js';
import { ago, button, empty, errorBox, h, loading, mount, pageHeader, table, toast } from '../dom.js';
import { schemaForm } from '../schema-form.js';

export default {
  async render(root, ctx) {
    const header = pageHeader('Configs', 'Model configurations; training uses one, and predictions inherit it.',
      h('a', { class: 'button primary', href: '#/configs/new', id: 'config-new' }, 'New config'));
    const body = h('div', {}, loading('Loading configs'));
    mount(root, header, body);
    let configs;
    let schema;
    try {
      [configs, schema] = await Promise.all([get('api/v1/configs', null, { signal: ctx.signal }), get('api/v1/configs/$schema', null, { signal: ctx.signal })]);
      header.markUpdated('loaded');
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    const selected = ctx.params[0];
    const detail = h('section', { class: 'card detail', id: 'config-detail' });
    mount(body, h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-label': 'configs' }, configs.length
        ? h('ul', { class: 'pick-list' }, configs.map((c) => h('li', {}, h('a', { href: `#/configs/${c.id}`, 'aria-current': c.id === selected ? 'true' : null, 'data-config': c.id }, h('strong', {}, c.name), h('br'), h('span', { class: 'muted small' }, `updated ${ago(c.updated_at)}`)))))
        : empty('No configs yet.', h('a', { class: 'button primary', href: '#/configs/new' }, 'Create the first'))),
      detail));
    const config = configs.find((c) => c.id === selected);
    if (selected === 'new' || config) editor(detail, schema, config, ctx);
    else mount(detail, empty(configs.length ? 'Pick a config to edit it, or create a new one.' : `Fill in the form to create a ${schema.title ?? 'config'}.`, h('a', { class: 'button', href: '#/configs/new' }, 'New config')));
  },
};

function editor(detail, schema, config, ctx) {
  const form = schemaForm(schema, 'config', config?.data ?? {});
  const name = h('input', { id: 'config-name', type: 'text', required: true, value: config?.name ?? '', 'aria-describedby': 'config-name-error' });
  const nameError = h('p', { class: 'field-error', id: 'config-name-error', role: 'alert' });
  const formError = h('p', { class: 'field-error', role: 'alert' });
  const linked = h('div', {}, config ? loading('Loading linked artifacts') : null);

  async function save(event) {
    event.preventDefault();
    nameError.textContent = '';
    formError.textContent = '';
    if (!name.value.trim()) {
      nameError.textContent = 'A name is required';
      return name.focus();
    }
    const body = { name: name.value.trim(), data: form.values(), tags: config?.tags ?? [] };
    try {
      const saved = config ? await put(`api/v1/configs/${config.id}`, body) : await post('api/v1/configs', body);
      toast(config ? 'Config saved' : 'Config created');
      ctx.navigate(`#/configs/${saved.id}`);
    } catch (error) {
      const rest = error instanceof ApiError ? form.showErrors(error.fieldErrors()) : {};
      if (rest.name) nameError.textContent = rest.name;
      formError.textContent = Object.keys(rest).length || !(error instanceof ApiError && Object.keys(error.fieldErrors()).length) ? error.message : '';
    }
  }

  async function remove() {
    if (!confirm(`Delete config ${config.name}?`)) return;
    try {
      await del(`api/v1/configs/${config.id}`);
      toast('Config deleted');
      ctx.navigate('#/configs');
    } catch (error) {
      formError.textContent = error.message;
    }
  }

  mount(detail, h('h2', {}, config ? config.name : `New ${schema.title ?? 'config'}`), schema.description ? h('p', { class: 'muted' }, schema.description) : null,
    h('form', { class: 'form', id: 'config-form', onsubmit: save, novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'config-name' }, 'Name', h('span', { class: 'required' }, ' *')), name, nameError),
      form.element, formError,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'config-save' }, config ? 'Save' : 'Create'),
        config ? button('Delete', remove, 'danger', { id: 'config-delete' }) : null)),
    config ? [h('h3', {}, 'Linked artifacts'), linked] : null);
  if (config) {
    get(`api/v1/configs/${config.id}/$artifacts`, null, { signal: ctx.signal }).then((artifacts) => {
      mount(linked, artifacts.length ? table([
        { label: 'Artifact', cell: (a) => h('a', { href: `#/artifacts/${a.id}`, class: 'mono' }, a.id) },
        { label: 'Type', cell: (a) => a.data?.type ?? `level ${a.level}` },
        { label: 'Created', cell: (a) => ago(a.created_at) },
      ], artifacts) : empty('No artifacts are linked to this config yet; training with it links the model.'));
    }, (error) => { if (error.name !== 'AbortError') mount(linked, errorBox(error)); });
  }
}
