/**
 * Pan and zoom of the graph: the wheel zooms around the pointer, dragging the background pans,
 * and the keyboard does both (+ and - zoom, arrows pan, 0 fits). One transform on the viewport
 * group, so nothing is redrawn.
 */
export class PanZoom {
  private x = 0;
  private y = 0;
  private scale = 1;
  private drag: { pointer: number; x: number; y: number } | undefined;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly viewport: SVGGElement,
  ) {
    svg.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    svg.addEventListener('pointermove', (e) => this.onPointerMove(e));
    svg.addEventListener('pointerup', () => (this.drag = undefined));
    svg.addEventListener('pointercancel', () => (this.drag = undefined));
  }

  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const rect = this.svg.getBoundingClientRect();
    const cx = at?.x ?? rect.width / 2;
    const cy = at?.y ?? rect.height / 2;
    const scale = Math.min(4, Math.max(0.02, this.scale * factor));
    // The point under the cursor stays where it is.
    this.x = cx - ((cx - this.x) * scale) / this.scale;
    this.y = cy - ((cy - this.y) * scale) / this.scale;
    this.scale = scale;
    this.apply();
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  /** The whole drawing in view (never enlarged beyond its natural size). */
  fit(width: number, height: number): void {
    const rect = this.svg.getBoundingClientRect();
    const margin = 16;
    this.scale = Math.min(1, (rect.width - 2 * margin) / Math.max(width, 1), (rect.height - 2 * margin) / Math.max(height, 1));
    this.x = (rect.width - width * this.scale) / 2;
    this.y = margin;
    this.apply();
  }

  /** Centres a box of the drawing, at natural size or the current scale if larger. */
  centerOn(box: { x: number; y: number; width: number; height: number }): void {
    const rect = this.svg.getBoundingClientRect();
    this.scale = Math.max(this.scale, 0.8);
    this.x = rect.width / 2 - (box.x + box.width / 2) * this.scale;
    this.y = rect.height / 2 - (box.y + box.height / 2) * this.scale;
    this.apply();
  }

  /** Keyboard handling for the whole view; true when the key was used. */
  onKey(e: KeyboardEvent): boolean {
    const step = 60;
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(1.25), '=': () => this.zoomBy(1.25), '-': () => this.zoomBy(0.8),
      ArrowLeft: () => this.panBy(step, 0), ArrowRight: () => this.panBy(-step, 0), ArrowUp: () => this.panBy(0, step), ArrowDown: () => this.panBy(0, -step),
    };
    const action = actions[e.key];
    if (!action) return false;
    action();
    return true;
  }

  private apply(): void {
    this.viewport.setAttribute('transform', `translate(${this.x},${this.y}) scale(${this.scale})`);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.svg.getBoundingClientRect();
    this.zoomBy(Math.exp(-e.deltaY / 500), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  }

  private onPointerDown(e: PointerEvent): void {
    // A press on a node is a click on it, not the start of a pan.
    if ((e.target as Element).closest('.node')) return;
    this.drag = { pointer: e.pointerId, x: e.clientX, y: e.clientY };
    this.svg.setPointerCapture(e.pointerId);
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag || this.drag.pointer !== e.pointerId) return;
    this.panBy(e.clientX - this.drag.x, e.clientY - this.drag.y);
    this.drag = { pointer: e.pointerId, x: e.clientX, y: e.clientY };
  }
}
