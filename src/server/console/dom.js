/*
 * The DOM helpers every part of the console builds with. Every value from the mock goes into the DOM as text
 * (textContent, text nodes), never as markup.
 */

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes, so data is never parsed as HTML. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'hidden') node.hidden = true;
    else if (name === 'colSpan') node.colSpan = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}
