// Small horizontal bar charts drawn as inline SVG: a few hundred bytes of markup each, no library.
// Each chart has a title and a description for screen readers and its numbers as a table below.
// Bars grow from the reading start: from the right in Arabic.
import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 400;
const ROW = 26;
const BAR = 18;
const LABEL = 140;
const VALUE = 85;
let charts = 0;

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}

/**
 * chart({ id, title, desc, rows: [{label, values: [n per series], color?, end?}], series: [{label, color}], format, short, rtl })
 * Stacked when there are several series; `format` writes a number for people (in the table), `short`
 * the label at a bar's end; a row's `end` replaces that label and its `color` the series colour.
 */
export function barChart({ id, title, desc, rows, series, format = String, short = format, rtl = false }) {
  const n = ++charts;
  const totals = rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const height = rows.length * ROW + 4;
  const span = WIDTH - LABEL - VALUE;
  // x in a left-to-right drawing, mirrored for right-to-left pages.
  const x = (from, width = 0) => (rtl ? WIDTH - from - width : from);
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `chart-${n}-t chart-${n}-d`,
    class: 'chart', direction: 'ltr', 'font-size': 12,
  }, s('title', { id: `chart-${n}-t` }, title), s('desc', { id: `chart-${n}-d` }, desc));
  rows.forEach((row, i) => {
    const y = i * ROW;
    svg.append(s('text', { x: x(LABEL - 6), y: y + BAR - 4, 'text-anchor': rtl ? 'start' : 'end', class: 'chart-label', 'font-size': 11 }, row.label));
    let from = LABEL;
    row.values.forEach((value, j) => {
      const width = (value / max) * span;
      if (width > 0) {
        svg.append(s('rect', { x: x(from, width), y, width: width.toFixed(1), height: BAR, fill: row.color || series[j].color },
          s('title', {}, `${row.label} · ${series[j].label}: ${format(value)}`)));
      }
      from += width;
    });
    svg.append(s('text', { x: x(from + 4), y: y + BAR - 4, 'text-anchor': rtl ? 'end' : 'start', class: 'chart-value' },
      row.end ?? short(totals[i])));
  });
  return h('figure', { class: 'chart-figure', id },
    h('figcaption', {}, h('h2', {}, title), h('p', { class: 'muted' }, desc)),
    svg,
    series.length > 1 ? h('ul', { class: 'chart-legend' }, series.map((serie) =>
      h('li', {}, s('svg', { class: 'swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: serie.color })),
        serie.label))) : null,
    h('details', { class: 'chart-data' }, h('summary', {}, title),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''),
          series.map((serie) => h('th', { scope: 'col' }, serie.label)),
          series.length > 1 ? h('th', { scope: 'col' }, '∑') : null)),
        h('tbody', {}, rows.map((row, i) => h('tr', {}, h('th', { scope: 'row' }, row.label),
          row.values.map((v) => h('td', { class: 'num' }, format(v))),
          series.length > 1 ? h('td', { class: 'num' }, format(totals[i])) : null)))))));
}
