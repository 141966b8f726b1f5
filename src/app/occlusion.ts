/** Screen margins (pixels) covered by panels over the canvas. */
export type Insets = { top: number; right: number; bottom: number; left: number };

/**
 * The panels that float over the canvas. Panels can opt in with `data-occludes-canvas`; the
 * shell's own regions are listed by class so the canvas fits between them today.
 */
const PANELS = '[data-occludes-canvas], .topbar, .bottombar, .column-left > *, .column-right';

/**
 * Measures which screen margins the panels cover. Each panel is counted against the one edge that
 * covers it while giving up the least of the screen: a bar along the top, a column on the left…
 */
export function measureInsets(elements: Iterable<Element>, w: number, h: number): Insets {
  const insets = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const el of elements) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    const costs: [keyof Insets, number, number][] = [
      ['top', r.bottom * w, r.bottom],
      ['bottom', (h - r.top) * w, h - r.top],
      ['left', r.right * h, r.right],
      ['right', (w - r.left) * h, w - r.left],
    ];
    costs.sort((a, b) => a[1] - b[1]);
    const [side, , size] = costs[0]!;
    insets[side] = Math.max(insets[side], size);
  }
  return {
    top: Math.round(insets.top),
    right: Math.round(insets.right),
    bottom: Math.round(insets.bottom),
    left: Math.round(insets.left),
  };
}

/** Calls `onChange` with the covered margins now and whenever panels open, fold or resize. */
export function watchInsets(onChange: (insets: Insets) => void): () => void {
  let frame = 0;
  let last = '';
  const resize = new ResizeObserver(() => schedule());
  const measure = () => {
    frame = 0;
    const elements = [...document.querySelectorAll(PANELS)];
    resize.disconnect();
    for (const el of elements) resize.observe(el);
    const insets = measureInsets(elements, window.innerWidth, window.innerHeight);
    const key = `${insets.top},${insets.right},${insets.bottom},${insets.left}`;
    if (key !== last) {
      last = key;
      onChange(insets);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  const mutations = new MutationObserver(schedule);
  mutations.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'class', 'data-collapsed', 'data-presenting'],
  });
  window.addEventListener('resize', schedule);
  measure();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    resize.disconnect();
    mutations.disconnect();
    window.removeEventListener('resize', schedule);
  };
}
