// Builds DOM nodes from text and elements only: nothing from the API is ever parsed as markup.

/**
 * h('button', {class: 'primary', onclick: fn, 'aria-label': 'Send'}, 'Send')
 * Attributes starting with "on" become event listeners; true/false toggle boolean attributes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  let initialValue;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' && 'value' in element) {
      initialValue = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  if (initialValue !== undefined) element.value = initialValue; // after the children: a select needs its options
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let fieldCount = 0;

/** A labelled form field: the label is tied to the control by id. */
export function field(label, control, hint) {
  const id = control.id || `f${++fieldCount}`;
  control.id = id;
  const parts = [h('label', { for: id }, label), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

/** Replaces the main area's content and moves focus to its heading, as a page load would. */
export function show(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat());
  document.title = `${title} · Companion`;
  heading.focus();
  return main;
}

/** A polite status line for the whole app (screen readers announce it). */
export function status(message) {
  document.getElementById('status').textContent = message ?? '';
}

/** An error box inside a form or view: announced at once. */
export function errorBox() {
  const box = h('p', { class: 'error', role: 'alert', hidden: true });
  return {
    element: box,
    show(message) {
      box.textContent = message;
      box.hidden = !message;
    },
    clear() {
      box.textContent = '';
      box.hidden = true;
    },
  };
}
