import { cssColour, type Palette } from '../model/theme';

/** The canvas's hover tooltip: a DOM element (crisp text, readable by assistive technology). */
export class Tooltip {
  readonly element: HTMLDivElement;

  constructor(host: HTMLElement) {
    const el = document.createElement('div');
    el.className = 'harbor-tooltip';
    el.id = 'harbor-tooltip';
    el.setAttribute('role', 'tooltip');
    Object.assign(el.style, {
      position: 'absolute',
      pointerEvents: 'none',
      whiteSpace: 'pre-line',
      font: '14px/1.35 system-ui, sans-serif',
      padding: '6px 10px',
      borderRadius: '6px',
      boxShadow: '0 2px 8px rgba(0,0,0,0.35)',
      maxWidth: '340px',
      zIndex: '5',
      display: 'none',
    } satisfies Partial<CSSStyleDeclaration>);
    host.appendChild(el);
    this.element = el;
  }

  theme(colours: Palette): void {
    this.element.style.background = cssColour(colours.panel);
    this.element.style.color = cssColour(colours.text);
    this.element.style.border = `${colours.name === 'projector' ? 3 : 1}px solid ${cssColour(colours.outline)}`;
    this.element.style.fontSize = colours.name === 'projector' ? '18px' : '14px';
  }

  show(text: string, clientX: number, clientY: number): void {
    if (!text) return this.hide();
    const el = this.element;
    if (el.textContent !== text) el.textContent = text;
    el.style.display = 'block';
    const host = el.parentElement!.getBoundingClientRect();
    const x = clientX - host.left + 16;
    const y = clientY - host.top + 16;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    el.style.left = `${Math.min(x, host.width - w - 8)}px`;
    el.style.top = `${y + h > host.height - 8 ? y - h - 24 : y}px`;
  }

  hide(): void {
    this.element.style.display = 'none';
  }

  destroy(): void {
    this.element.remove();
  }
}
