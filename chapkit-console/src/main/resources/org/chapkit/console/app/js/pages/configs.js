// Configs: one tab per config type (when the service has several), the list of a type's configs, a form generated
// from that type's schema, create/edit/delete, the config's versions (compare with the current one, roll back),
// and, for the default type, the artifacts linked to it.
// Routes: #/configs[/{id}|/new] for the default type, #/configs/type/{type}[/{id}|/new] for another.
import { ApiError, del, get, post, put } from '../api.js';
import { ago, button, empty, errorBox, h, jsonView, loading, mount, pageHeader, table, toast } from '../dom.js';
import { schemaForm } from '../schema-form.js';

const DEFAULT_TYPE = { name: 'default', default: true, configs: '/api/v1/configs' };

/** Where a type's pages live in the console. */
export function typeHash(type) {
  return type.default ? '#/configs' : `#/configs/type/${encodeURIComponent(type.name)}`;
}

/** The config type and the selected config ('new', an id or undefined) a route names. */
export function parseRoute(params) {
  return params[0] === 'type' && params[1]
    ? { typeName: params[1], selected: params[2] }
    : { typeName: DEFAULT_TYPE.name, selected: params[0] };
}

export default {
  async render(root, ctx) {
    const { typeName, selected } = parseRoute(ctx.params);
    const types = await configTypes(ctx.signal);
    const type = types.find((t) => t.name === typeName);
    const newLink = (label, cls, id = null) => h('a', { class: cls, href: `${typeHash(type ?? DEFAULT_TYPE)}/new`, id }, label);
    const header = pageHeader('Configs', 'Model configurations; training uses one, and predictions inherit it.', type ? newLink('New config', 'button primary', 'config-new') : null);
    const tabs = types.length > 1
      ? h('div', { class: 'toolbar', role: 'navigation', 'aria-label': 'config types' }, types.map((t) => h('a', {
        class: t.name === typeName ? 'button primary small' : 'button small', href: typeHash(t),
        'aria-current': t.name === typeName ? 'page' : null, 'data-config-type': t.name,
      }, t.title ? `${t.title}` : t.name, t.default ? ' (default)' : '')))
      : null;
    const body = h('div', {}, loading('Loading configs'));
    mount(root, header, tabs, body);
    if (!type) {
      mount(body, empty(`This service has no config type "${typeName}".`, h('a', { class: 'button', href: '#/configs' }, 'Default configs')));
      return;
    }
    const base = type.configs.replace(/^\//, '');
    let configs;
    let schema;
    try {
      [configs, schema] = await Promise.all([get(base, null, { signal: ctx.signal }), get(`${base}/$schema`, null, { signal: ctx.signal })]);
      header.markUpdated('loaded');
    } catch (error) {
      if (error.name !== 'AbortError') mount(body, errorBox(error, () => this.render(root, ctx)));
      return;
    }
    const detail = h('section', { class: 'card detail', id: 'config-detail' });
    mount(body, h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-label': 'configs' }, configs.length
        ? h('ul', { class: 'pick-list' }, configs.map((c) => h('li', {}, h('a', { href: `${typeHash(type)}/${c.id}`, 'aria-current': c.id === selected ? 'true' : null, 'data-config': c.id }, h('strong', {}, c.name), h('br'), h('span', { class: 'muted small' }, `updated ${ago(c.updated_at)}`)))))
        : empty('No configs yet.', newLink('Create the first', 'button primary'))),
      detail));
    const config = configs.find((c) => c.id === selected);
    if (selected === 'new' || config) editor(detail, { type, base, schema, config }, ctx);
    else mount(detail, empty(configs.length ? 'Pick a config to edit it, or create a new one.' : `Fill in the form to create a ${schema.title ?? 'config'}.`, newLink('New config', 'button')));
  },
};

/** The service's config types, the default first; a service without /api/v1/config-types has the default only. */
async function configTypes(signal) {
  try {
    const types = await get('api/v1/config-types', null, { signal });
    return types.length ? types : [DEFAULT_TYPE];
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [DEFAULT_TYPE];
    throw error;
  }
}

function editor(detail, { type, base, schema, config }, ctx) {
  const form = schemaForm(schema, 'config', config?.data ?? {});
  const name = h('input', { id: 'config-name', type: 'text', required: true, value: config?.name ?? '', 'aria-describedby': 'config-name-error' });
  const nameError = h('p', { class: 'field-error', id: 'config-name-error', role: 'alert' });
  const formError = h('p', { class: 'field-error', role: 'alert' });
  const linked = h('div', {}, config ? loading('Loading linked artifacts') : null);
  const versions = h('div', { id: 'config-versions' }, config ? loading('Loading versions') : null);
  const here = (id) => `${typeHash(type)}${id ? `/${id}` : ''}`;

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
      const saved = config ? await put(`${base}/${config.id}`, body) : await post(base, body);
      toast(config ? 'Config saved' : 'Config created');
      if (config) ctx.refresh();
      else ctx.navigate(here(saved.id));
    } catch (error) {
      const rest = error instanceof ApiError ? form.showErrors(error.fieldErrors()) : {};
      if (rest.name) nameError.textContent = rest.name;
      formError.textContent = Object.keys(rest).length || !(error instanceof ApiError && Object.keys(error.fieldErrors()).length) ? error.message : '';
    }
  }

  async function remove() {
    if (!confirm(`Delete config ${config.name}?`)) return;
    try {
      await del(`${base}/${config.id}`);
      toast('Config deleted');
      ctx.navigate(here());
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
    config ? [h('h3', {}, 'Versions'), versions] : null,
    config && type.default ? [h('h3', {}, 'Linked artifacts'), linked] : null);
  if (!config) return;
  versionHistory(versions, { base, config }, ctx);
  if (type.default) {
    get(`api/v1/configs/${config.id}/$artifacts`, null, { signal: ctx.signal }).then((artifacts) => {
      mount(linked, artifacts.length ? table([
        { label: 'Artifact', cell: (a) => h('a', { href: `#/artifacts/${a.id}`, class: 'mono' }, a.id) },
        { label: 'Type', cell: (a) => a.data?.type ?? `level ${a.level}` },
        { label: 'Created', cell: (a) => ago(a.created_at) },
      ], artifacts) : empty('No artifacts are linked to this config yet; training with it links the model.'));
    }, (error) => { if (error.name !== 'AbortError') mount(linked, errorBox(error)); });
  }
}

/** The config's versions, newest first: each older one can be compared with the current one and restored. */
function versionHistory(container, { base, config }, ctx) {
  const changes = h('div', { id: 'config-diff' });
  get(`${base}/${config.id}/versions`, null, { signal: ctx.signal }).then((all) => {
    const current = all.length ? all[all.length - 1].version : null;

    async function compare(version) {
      mount(changes, loading('Comparing'));
      try {
        const diff = await get(`${base}/${config.id}/$diff`, { from: version });
        mount(changes, h('p', { class: 'muted small' }, `Version ${diff.from_version} → ${diff.to_version}`), diff.changes.length
          ? table([
            { label: 'Field', cell: (c) => h('span', { class: 'mono' }, c.path) },
            { label: 'Was', cell: (c) => (c.from === null ? h('span', { class: 'muted' }, '(absent)') : jsonView(c.from)) },
            { label: 'Now', cell: (c) => (c.to === null ? h('span', { class: 'muted' }, '(absent)') : jsonView(c.to)) },
          ], diff.changes, { rowAttrs: (c) => ({ 'data-change': c.path }) })
          : empty('No differences.'));
      } catch (error) {
        mount(changes, errorBox(error));
      }
    }

    async function restore(version) {
      if (!confirm(`Roll ${config.name} back to version ${version}? The current data is kept as a version.`)) return;
      try {
        await post(`${base}/${config.id}/$rollback`, { version });
        toast(`Rolled back to version ${version}`);
        ctx.refresh();
      } catch (error) {
        mount(changes, errorBox(error));
      }
    }

    mount(container, table([
      { label: 'Version', cell: (v) => [String(v.version), v.version === current ? h('span', { class: 'pill' }, ' current') : null] },
      { label: 'Name', cell: (v) => v.name },
      { label: 'Saved', cell: (v) => ago(v.created_at) },
      { label: '', cell: (v) => (v.version === current ? null : h('div', { class: 'actions' },
        button('Compare', () => compare(v.version), 'small', { 'data-compare': v.version }),
        button('Roll back', () => restore(v.version), 'small', { 'data-rollback': v.version }))) },
    ], [...all].reverse(), { rowAttrs: (v) => ({ 'data-version': v.version }) }), changes);
  }, (error) => { if (error.name !== 'AbortError') mount(container, errorBox(error)); });
}
