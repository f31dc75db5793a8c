import { html, type Html } from './html.js';

/**
 * A small bar chart as inline SVG, one bar per label. Sizes are SVG attributes, which the content
 * policy allows, unlike inline styles; the numbers are also written out for readers without sight of it.
 */
export function barChart(title: string, labels: readonly string[], values: readonly number[]): Html {
  const barWidth = 36;
  const height = 120;
  const max = Math.max(1, ...values);
  const width = labels.length * barWidth + 8;
  const bars = labels.map((label, i) => {
    const h = Math.round((values[i] / max) * (height - 30));
    const x = 4 + i * barWidth;
    return html`<g><title>${label}: ${values[i]}</title><rect class="bar" x="${x + 4}" y="${height - 16 - h}" width="${barWidth - 8}" height="${h}"/><text x="${x + barWidth / 2}" y="${height - 20 - h}" class="bar-value">${values[i]}</text><text x="${x + barWidth / 2}" y="${height - 3}" class="bar-label">${label.slice(5)}</text></g>`;
  });
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}">${bars}</svg>`;
}
