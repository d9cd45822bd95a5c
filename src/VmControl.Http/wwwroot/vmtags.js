// A VM's tags on its page: shown as chips, and for an operator a remove button on each and an "Add tag" form
// (PUT|DELETE /api/vms/{id}/tags/{tag}). Tags are not an action: they change whatever task is in flight, without
// If-Match. The list is redrawn from every refresh of the VM; the form is kept, so a refresh never eats typing.
import { del, put } from './api.js';
import { field, h, keepFocus, replace, say } from './ui.js';
import { chips, tagsOf } from './tags.js';

/** `changed` runs after a change was accepted (the page re-reads the VM). Returns { el, render(vm) }. */
export function tagEditor(vmId, changed) {
  const list = h('div', { class: 'tag-list' });
  const messages = h('div', { class: 'tag-messages', 'aria-live': 'polite' });
  const input = h('input', { name: 'tag', autocomplete: 'off', spellcheck: 'false', placeholder: 'env=dev' });
  const form = h('form', { class: 'tag-form', 'aria-label': 'Add a tag', novalidate: true, dataset: { needs: 'operator' } },
    field('New tag', input), h('button', { type: 'submit' }, 'Add tag'));
  const path = tag => `vms/${encodeURIComponent(vmId)}/tags/${encodeURIComponent(tag)}`;
  let deleted = false;

  function show(tags) {
    keepFocus(list, () => replace(list, tags.length ? chips(tags, t => deleted ? null : h('button', {
      type: 'button', 'aria-label': `Remove tag ${t}`, title: `Remove tag ${t}`, dataset: { needs: 'operator', focus: 'untag-' + t },
      onclick: () => change(() => del(path(t)), `Tag ${t} removed.`),
    }, '×')) : h('span', { class: 'muted' }, 'No tags.')));
  }

  async function change(request, done, accepted) {
    let data;
    try {
      ({ data } = await request());
    } catch (e) {
      // The problem (title, detail, code) under the form: there is one field, so it needs no pointing at.
      say(messages, e);
      return;
    }
    show(data.tags);
    accepted?.();
    say(messages, done, 'ok');
    // Not awaited: the page's refresh must not hold the form (what is typed meanwhile stays).
    changed?.();
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const tag = input.value.trim();
    if (!tag) { input.focus(); return; }
    // Emptied only if it still holds what was sent: the operator may already be typing the next tag.
    change(() => put(path(tag)), `Tag ${tag} added.`, () => { if (input.value.trim() === tag) input.value = ''; });
  });

  return {
    el: h('div', { class: 'tag-editor' }, list, form, messages),
    render(vm) {
      deleted = vm.vmState === 'hard_deleted';
      form.hidden = deleted;
      show(tagsOf(vm));
    },
  };
}
