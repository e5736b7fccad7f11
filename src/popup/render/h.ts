/**
 * The popup's only way to build DOM. Text always becomes text nodes, so page and feed strings (product
 * titles, publisher names, codes) can never turn into markup.
 */
type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttributeValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttributeValue | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  children?: Child,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const item of child as readonly Child[]) append(parent, item);
  else
    parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
}

/** Small inline icons (drawn, not fetched); decorative, so hidden from screen readers. */
export function icon(name: IconName): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon icon-${name}`);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICON_PATHS[name]);
  svg.append(path);
  return svg;
}

export type IconName = keyof typeof ICON_PATHS;

// 16x16 outlines, stroked by CSS (`.icon path { stroke: currentColor }`).
const ICON_PATHS = {
  pass: 'M3.5 8.5l3 3 6-7',
  fail: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  warn: 'M8 3.5v5.5M8 11.75v.5',
  unknown: 'M6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2v.5M8 11.75v.5',
  copy: 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7',
  check: 'M3.5 8.5l3 3 6-7',
  refresh: 'M12.5 8a4.5 4.5 0 1 1-1.3-3.2M12.5 3v2.5H10',
  close: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  cart: 'M2 3h2l1.5 7h6.5l1.5-5H5M6.5 13h.01M11 13h.01',
  tag: 'M2.5 2.5h5l6 6-5 5-6-6zM5.5 5.5h.01',
} as const;
