// Create VM: the API validates; each problem naming a field is shown next to that field.
import { post } from './api.js';
import { field, h, replace, say, showFieldError } from './ui.js';

export function mount(root) {
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const form = h('form', { class: 'create', 'aria-labelledby': 'create-h', novalidate: true },
    field('Name', h('input', { name: 'name', autocomplete: 'off', spellcheck: 'false' }), '1-255 printable characters, no leading or trailing space'),
    field('Size', h('input', { name: 'size', autocomplete: 'off' }), 'e.g. small, Standard_B2s'),
    field('Image', h('input', { name: 'image', autocomplete: 'off' }), 'e.g. debian-12'),
    field('Tags', h('textarea', { name: 'tags', rows: 3 }), 'one key=value per line (optional)'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Create VM')));
  replace(root, h('h1', { id: 'create-h' }, 'Create VM'), messages, form);
  form.querySelector('input').focus();

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = { name: form.elements.name.value, size: form.elements.size.value, image: form.elements.image.value };
    const lines = form.elements.tags.value.split('\n').map(l => l.trim()).filter(Boolean);
    if (lines.length) {
      body.tags = {};
      for (const line of lines) {
        const at = line.indexOf('=');
        body.tags[at < 0 ? line : line.slice(0, at).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
      }
    }
    const submit = form.querySelector('[type=submit]');
    submit.disabled = true;
    try {
      const { data } = await post('vms', body);
      location.hash = '#/vms/' + encodeURIComponent(data.id);
    } catch (err) {
      submit.disabled = false;
      if (showFieldError(form, err)) replace(messages);
      else say(messages, err);
    }
  });
}
