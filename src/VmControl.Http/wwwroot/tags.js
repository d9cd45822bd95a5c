// Tags as Nova's tag strings (docs/api.md "Tags"): the VM's map entry `prod` with an empty value is the tag `prod`,
// and `tier` = `1` is the tag `tier=1`. The list, the VM page and the fleet action panel all speak these strings.
import { h } from './ui.js';

/** The VM's tags as sorted tag strings (ordinal, as the API sorts them). */
export function tagsOf(vm) {
  return Object.entries(vm?.tags || {}).map(([k, v]) => (v ? `${k}=${v}` : k)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A comma-separated list as typed (`env=dev, tier=1`) to its tags, blanks dropped. */
export function parseList(text) {
  return (text || '').split(',').map(t => t.trim()).filter(Boolean);
}

/** The tags as small chips; `extra(tag)` may add something after each (the VM page's remove button). */
export function chips(tags, extra) {
  return h('ul', { class: 'tags', 'aria-label': 'Tags' },
    tags.map(t => h('li', { class: 'tag', dataset: { tag: t } }, h('span', { class: 'tag-text' }, t), extra ? extra(t) : null)));
}
