// A form generated from a JSON schema's `properties` (configs and task params), with the server's field errors
// shown at the field they name.
import { h } from './dom.js';

function resolve(schema, root) {
  if (schema?.$ref) {
    const name = schema.$ref.split('/').pop();
    return resolve((root.$defs ?? root.definitions ?? {})[name] ?? {}, root);
  }
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== 'null');
    return { ...resolve(nonNull[0] ?? {}, root), nullable: nonNull.length < variants.length, ...pick(schema) };
  }
  return schema ?? {};
}

const pick = ({ title, description, default: d }) => Object.fromEntries(Object.entries({ title, description, default: d }).filter(([, v]) => v !== undefined));

function kindOf(field) {
  if (field.enum) return 'enum';
  const type = Array.isArray(field.type) ? field.type.find((t) => t !== 'null') : field.type;
  if (type === 'array' && ['string', 'number', 'integer'].includes(field.items?.type)) return 'list';
  return ['integer', 'number', 'boolean', 'string'].includes(type) ? type : 'json';
}

/**
 * Builds the form. Returns { element, values(), setValues(obj), showErrors({ field: message }) }.
 * @param schema JSON schema of an object
 * @param idPrefix prefix of input ids (unique per page)
 */
export function schemaForm(schema, idPrefix, initial = {}) {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {})
    .filter(([, s]) => !s['x-injected'])
    .map(([name, raw]) => ({ name, ...resolve(raw, schema), kind: kindOf(resolve(raw, schema)) }));
  const inputs = new Map();
  const errors = new Map();
  const element = h('div', { class: 'schema-form' }, fields.map((field) => {
    const id = `${idPrefix}-${field.name}`;
    const attrs = { id, name: field.name, 'aria-describedby': `${id}-error` };
    let input;
    if (field.kind === 'boolean') input = h('input', { ...attrs, type: 'checkbox' });
    else if (field.kind === 'enum') input = h('select', attrs, field.required ? null : h('option', { value: '' }, '—'), field.enum.map((v) => h('option', { value: v }, v)));
    else if (field.kind === 'integer' || field.kind === 'number') {
      input = h('input', { ...attrs, type: 'number', step: field.kind === 'integer' ? 1 : 'any', min: field.minimum, max: field.maximum, placeholder: field.default ?? '' });
    } else if (field.kind === 'json') input = h('textarea', { ...attrs, rows: 3, placeholder: 'JSON' });
    else input = h('input', { ...attrs, type: 'text', placeholder: field.kind === 'list' ? 'comma-separated' : (field.default ?? '') });
    inputs.set(field.name, { field, input });
    const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
    errors.set(field.name, error);
    const label = h('label', { for: id }, field.title ?? field.name, required.has(field.name) ? h('span', { class: 'required', 'aria-label': 'required' }, ' *') : null);
    const hint = [field.description, field.minimum !== undefined || field.maximum !== undefined ? `range ${field.minimum ?? '…'} – ${field.maximum ?? '…'}` : null, field.default !== undefined ? `default ${JSON.stringify(field.default)}` : null].filter(Boolean).join(' · ');
    return h('div', { class: `field field-${field.kind}`, 'data-field': field.name }, field.kind === 'boolean' ? h('div', { class: 'check' }, input, label) : [label, input], hint ? h('p', { class: 'hint muted' }, hint) : null, error);
  }));

  function setValues(values) {
    for (const [name, { field, input }] of inputs) {
      const value = values?.[name] ?? field.default;
      if (field.kind === 'boolean') input.checked = Boolean(value);
      else if (value === undefined || value === null) input.value = '';
      else if (field.kind === 'list') input.value = value.join(', ');
      else if (field.kind === 'json') input.value = JSON.stringify(value);
      else input.value = value;
    }
  }

  function values() {
    const out = {};
    for (const [name, { field, input }] of inputs) {
      if (field.kind === 'boolean') {
        out[name] = input.checked;
        continue;
      }
      const text = input.value.trim();
      if (text === '') continue;
      if (field.kind === 'integer' || field.kind === 'number') out[name] = Number(text);
      else if (field.kind === 'list') out[name] = text.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (field.items.type === 'string' ? s : Number(s)));
      else if (field.kind === 'json') {
        try {
          out[name] = JSON.parse(text);
        } catch {
          out[name] = text;
        }
      } else out[name] = text;
    }
    return out;
  }

  /** Shows each error at its field: the key may be `name`, `params.name`, `data.name` or `config.name`. */
  function showErrors(fieldErrors = {}) {
    for (const error of errors.values()) error.textContent = '';
    for (const { input } of inputs.values()) input.removeAttribute('aria-invalid');
    const unmatched = {};
    for (const [key, message] of Object.entries(fieldErrors)) {
      const name = key.split('.').find((part) => inputs.has(part));
      if (name) {
        errors.get(name).textContent = message;
        inputs.get(name).input.setAttribute('aria-invalid', 'true');
      } else unmatched[key] = message;
    }
    return unmatched;
  }

  setValues(initial);
  return { element, values, setValues, showErrors, isEmpty: fields.length === 0 };
}
