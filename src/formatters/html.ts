// One self-contained HTML page: inline CSS and JS only, a strict Content-Security-Policy, no
// external fonts, scripts, images or fetches. Summary with SVG charts, a sortable and filterable
// table of every field, each file's label and the handling notes. All report text is escaped;
// the report itself is embedded as JSON for machine readers.

import {
  categoryLabel,
  categoryShortLabel,
  fileLabel,
  handlingNote,
  reasonText,
  subcategoryLabel,
  t,
  type Lang,
} from '../i18n/index.js';
import { CATEGORIES, CATEGORY_RANK, type Category, type FieldReport, type FileReport, type ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';
import { jsonReport } from './json.js';
import { fieldRows, formatConfidence, sortedSubcategories, splitSubcategoryKey } from './text.js';

export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const COLORS: Readonly<Record<Category, string>> = {
  my_number: '#c62828',
  sensitive: '#8e24aa',
  personal: '#f9a825',
  none: '#43a047',
  unknown: '#9e9e9e',
};

/** Escape text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element: no `<` (so no `</script>` or `<!--`), no U+2028/2029. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const e = escapeHtml;

function countsOf(file: FileReport): Record<Category, number> {
  const counts: Record<Category, number> = { my_number: 0, sensitive: 0, personal: 0, none: 0, unknown: 0 };
  for (const { field } of fieldRows(file)) counts[field.category] += 1;
  return counts;
}

function categoryChart(report: ScanReport, lang: Lang): string {
  const counts = report.summary.byCategory;
  const max = Math.max(1, ...CATEGORIES.map((c) => counts[c] ?? 0));
  const labelWidth = 200;
  const barMax = 440;
  const rowHeight = 30;
  const height = CATEGORIES.length * rowHeight + 10;
  const rows = CATEGORIES.map((c, i) => {
    const n = counts[c] ?? 0;
    const w = Math.round((n / max) * barMax);
    const y = 5 + i * rowHeight;
    return (
      `<g class="row"><text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${e(categoryLabel(c, lang))}</text>` +
      `<rect class="bar" data-category="${c}" data-count="${n}" x="${labelWidth}" y="${y + 3}" width="${w}" height="20" fill="${COLORS[c]}"><title>${e(categoryLabel(c, lang))}: ${n}</title></rect>` +
      `<text class="count" x="${labelWidth + w + 6}" y="${y + 17}">${n}</text></g>`
    );
  }).join('');
  return `<svg id="chart-categories" class="chart" role="img" aria-label="${e(t('byCategory', lang))}" viewBox="0 0 700 ${height}" width="700" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}

function shortPath(path: string, max = 34): string {
  const chars = [...path];
  return chars.length <= max ? path : '…' + chars.slice(chars.length - max + 1).join('');
}

function fileChart(report: ScanReport, lang: Lang): string {
  const files = report.files.filter((f) => f.error === undefined);
  const perFile = files.map((f) => ({ file: f, counts: countsOf(f) }));
  const max = Math.max(1, ...perFile.map(({ counts }) => CATEGORIES.reduce((s, c) => s + counts[c], 0)));
  const labelWidth = 260;
  const barMax = 400;
  const rowHeight = 28;
  const legendHeight = 28;
  const height = legendHeight + Math.max(1, perFile.length) * rowHeight + 10;
  const legend = CATEGORIES.map((c, i) => {
    const x = 10 + i * 136;
    return `<rect x="${x}" y="6" width="12" height="12" fill="${COLORS[c]}"></rect><text x="${x + 16}" y="17" class="legend">${e(categoryShortLabel(c, lang))}</text>`;
  }).join('');
  const rows = perFile
    .map(({ file, counts }, i) => {
      const y = legendHeight + i * rowHeight;
      let x = labelWidth;
      const total = CATEGORIES.reduce((s, c) => s + counts[c], 0);
      const segments = CATEGORIES.filter((c) => counts[c] > 0)
        .map((c) => {
          const w = Math.max(1, Math.round((counts[c] / max) * barMax));
          const seg = `<rect class="segment" data-file="${e(file.path)}" data-category="${c}" data-count="${counts[c]}" x="${x}" y="${y + 4}" width="${w}" height="18" fill="${COLORS[c]}"><title>${e(file.path)} — ${e(categoryLabel(c, lang))}: ${counts[c]}</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      return (
        `<g class="file-row" data-file="${e(file.path)}" data-total="${total}"><text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end"><title>${e(file.path)}</title>${e(shortPath(file.path))}</text>` +
        segments +
        `<text class="count" x="${x + 6}" y="${y + 18}">${total}</text></g>`
      );
    })
    .join('');
  return `<svg id="chart-files" class="chart" role="img" aria-label="${e(t('perFile', lang))}" viewBox="0 0 720 ${height}" width="720" height="${height}" xmlns="http://www.w3.org/2000/svg">${legend}${rows}</svg>`;
}

function badge(category: Category, lang: Lang): string {
  return `<span class="badge cat-${category}">${e(categoryShortLabel(category, lang))}</span>`;
}

function subText(sub: string | null, lang: Lang): string {
  if (!sub) return '';
  const label = subcategoryLabel(sub, lang);
  return label === sub ? e(sub) : `${e(label)} <code>${e(sub)}</code>`;
}

function partsList(parts: FieldReport[], lang: Lang): string {
  const items = parts
    .map((p) => `<li>${e(p.name)} ${badge(p.category, lang)} ${subText(p.subcategory, lang)}${p.parts ? partsList(p.parts, lang) : ''}</li>`)
    .join('');
  return `<ul class="parts">${items}</ul>`;
}

function fieldsTable(report: ScanReport, lang: Lang): string {
  const head = [
    ['file', 'text'],
    ['table', 'text'],
    ['field', 'text'],
    ['category', 'rank'],
    ['subcategory', 'text'],
    ['confidence', 'number'],
    ['reasons', 'text'],
  ] as const;
  const ths = head
    .map(([key, type], i) => `<th data-col="${i}" data-type="${type}" tabindex="0" aria-sort="none">${e(t(key, lang))}<span class="arrow"></span></th>`)
    .join('');
  const rows: string[] = [];
  for (const file of report.files) {
    for (const { table, field } of fieldRows(file)) {
      const notes: string[] = [];
      if (field.headerHid) notes.push(`<div class="note">⚠ ${e(t('headerHid', lang))}</div>`);
      if (field.declared) {
        const owner = field.declared.owner ? ` (${e(field.declared.owner)})` : '';
        notes.push(`<div class="note declared">${e(t('declared', lang))}: ${e(field.declared.purpose)}${owner}</div>`);
      }
      const reasons = field.reasons.map((r) => `<li>${e(reasonText(r, lang))}</li>`).join('');
      rows.push(
        `<tr data-category="${field.category}">` +
          `<td>${e(file.path)}</td>` +
          `<td>${e(table.name ?? '')}</td>` +
          `<td class="name">${e(field.name)}${field.parts && field.parts.length > 0 ? partsList(field.parts, lang) : ''}</td>` +
          `<td data-sort="${CATEGORY_RANK[field.category]}">${badge(field.category, lang)}</td>` +
          `<td>${subText(field.subcategory, lang)}</td>` +
          `<td class="num" data-sort="${field.confidence}">${formatConfidence(field.confidence)}</td>` +
          `<td>${reasons ? `<ul class="reasons">${reasons}</ul>` : ''}${notes.join('')}</td>` +
          `</tr>`,
      );
    }
  }
  const options = CATEGORIES.map((c) => `<option value="${c}">${e(categoryLabel(c, lang))}</option>`).join('');
  return (
    `<div class="controls"><label>${e(t('filter', lang))} <input id="filter-text" type="search" autocomplete="off"></label> ` +
    `<label><select id="filter-category"><option value="">${e(t('allCategories', lang))}</option>${options}</select></label> ` +
    `<span id="row-count">${rows.length}</span> / ${rows.length} ${e(t('rowsShown', lang))}</div>` +
    `<table id="fields"><thead><tr>${ths}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function filesSection(report: ScanReport, lang: Lang): string {
  const items = report.files
    .map((file) => {
      const meta = [file.format, file.encoding].filter((x): x is string => !!x).join(', ');
      const cls = file.error !== undefined ? 'error' : `cat-${file.category}`;
      const warnings = file.warnings.map((w) => `<li class="warning">${e(t('warning', lang))}: ${e(w)}</li>`).join('');
      const error = file.error !== undefined ? `<div class="error-text">${e(t('error', lang))}: ${e(file.error)}</div>` : '';
      const counts = file.error === undefined ? countsOf(file) : undefined;
      const countText = counts
        ? CATEGORIES.filter((c) => counts[c] > 0)
            .map((c) => `${e(categoryShortLabel(c, lang))} ${counts[c]}`)
            .join(' · ')
        : '';
      return (
        `<li class="file"><span class="path">${e(file.path)}</span>${meta ? ` <span class="meta">(${e(meta)})</span>` : ''} ` +
        `<span class="file-label ${cls}">${e(fileLabel(file, lang))}</span>` +
        `${countText ? ` <span class="meta">${countText}</span>` : ''}${error}${warnings ? `<ul>${warnings}</ul>` : ''}</li>`
      );
    })
    .join('');
  return `<ul class="files">${items}</ul>`;
}

function summaryTable(report: ScanReport, lang: Lang): string {
  const s = report.summary;
  const rows = CATEGORIES.map((c) => `<tr><td>${badge(c, lang)} ${e(categoryLabel(c, lang))}</td><td class="num">${s.byCategory[c] ?? 0}</td></tr>`).join('');
  const subs = sortedSubcategories(s.bySubcategory)
    .map(([key, n]) => {
      const { subcategory } = splitSubcategoryKey(key);
      const label = subcategoryLabel(subcategory, lang);
      return `<tr><td><code>${e(key)}</code>${label !== subcategory ? ` ${e(label)}` : ''}</td><td class="num">${n}</td></tr>`;
    })
    .join('');
  return (
    `<p class="totals">${e(t('files', lang))}: <b>${s.files}</b> · ${e(t('filesWithErrors', lang))}: <b>${s.filesWithErrors}</b> · ${e(t('fields', lang))}: <b>${s.fields}</b></p>` +
    `<div class="grid"><table class="counts"><thead><tr><th>${e(t('category', lang))}</th><th>${e(t('count', lang))}</th></tr></thead><tbody>${rows}</tbody></table>` +
    (subs ? `<table class="counts"><thead><tr><th>${e(t('subcategory', lang))}</th><th>${e(t('count', lang))}</th></tr></thead><tbody>${subs}</tbody></table>` : '') +
    `</div>`
  );
}

function failuresSection(report: ScanReport, lang: Lang): string {
  const failures = report.summary.failures;
  if (failures.length === 0) return `<p>${e(t('noFailures', lang))}</p>`;
  const rows = failures
    .map(
      (f) =>
        `<tr><td>${e(f.path)}</td><td>${e(f.table ?? '')}</td><td>${e(f.field)}</td><td>${badge(f.category, lang)}</td><td>${e(f.subcategory ?? '')}</td></tr>`,
    )
    .join('');
  return (
    `<table id="failures"><thead><tr><th>${e(t('file', lang))}</th><th>${e(t('sheetOrTable', lang))}</th><th>${e(t('field', lang))}</th><th>${e(t('category', lang))}</th><th>${e(t('subcategory', lang))}</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="howto">${e(t('failuresHowTo', lang))}</p>`
  );
}

function notesSection(report: ScanReport, lang: Lang): string {
  const present = CATEGORIES.filter((c) => (report.summary.byCategory[c] ?? 0) > 0);
  return `<dl class="notes">${present.map((c) => `<dt>${badge(c, lang)} ${e(categoryLabel(c, lang))}</dt><dd>${e(handlingNote(c, lang))}</dd>`).join('')}</dl>`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--head:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Yu Gothic",Meiryo,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.sub{color:var(--muted);margin:0 0 16px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--head);white-space:nowrap}
#fields th{cursor:pointer;user-select:none}#fields th:hover{background:#eaeef2}
#fields th[aria-sort=ascending] .arrow::after{content:" ▲"}#fields th[aria-sort=descending] .arrow::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.name{font-weight:600;word-break:break-all;max-width:320px}
.grid{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;color:#fff;white-space:nowrap}
.cat-my_number.badge{background:${COLORS.my_number};font-weight:700}.cat-sensitive.badge{background:${COLORS.sensitive}}
.cat-personal.badge{background:${COLORS.personal};color:#1f2328}.cat-none.badge{background:${COLORS.none}}.cat-unknown.badge{background:${COLORS.unknown}}
.file-label{padding:1px 6px;border-radius:4px;border:1px solid currentColor;font-size:12px}
.file-label.cat-my_number{color:${COLORS.my_number};font-weight:700}.file-label.cat-sensitive{color:${COLORS.sensitive}}
.file-label.cat-personal{color:#a16207}.file-label.cat-none{color:${COLORS.none}}.file-label.cat-unknown,.meta{color:var(--muted)}
.file-label.error,.error-text{color:#b42318}
.files{list-style:none;padding:0}.files>li{margin:6px 0}.path{font-family:ui-monospace,monospace}
.warning{color:#9a6700}
ul.reasons,ul.parts{margin:0;padding-left:18px}ul.parts{font-weight:400;font-size:12px}
.note{font-size:12px;color:#9a6700}.note.declared{color:#1a7f37}
.controls{margin:8px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
input,select{font:inherit;padding:2px 6px}
.chart text{font-size:12px;fill:var(--fg)}.chart .count{fill:var(--muted)}
dl.notes dt{margin-top:8px;font-weight:600}dl.notes dd{margin:2px 0 0 20px}
footer{margin-top:32px;color:var(--muted);font-size:12px}
`;

const SCRIPT = `
(function(){
  var table=document.getElementById('fields');if(!table)return;
  var tbody=table.tBodies[0];
  var text=document.getElementById('filter-text'),cat=document.getElementById('filter-category'),count=document.getElementById('row-count');
  function apply(){
    var q=(text.value||'').trim().toLowerCase(),c=cat.value,n=0;
    Array.prototype.forEach.call(tbody.rows,function(r){
      var ok=(!c||r.getAttribute('data-category')===c)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
      r.hidden=!ok;if(ok)n++;
    });
    count.textContent=String(n);
  }
  text.addEventListener('input',apply);cat.addEventListener('change',apply);
  var ths=table.tHead.rows[0].cells;
  function key(r,i,type){var td=r.cells[i];var s=td.getAttribute('data-sort');
    if(type==='number'||type==='rank')return parseFloat(s===null?td.textContent:s)||0;return td.textContent.toLowerCase();}
  function sortBy(i){
    var th=ths[i],type=th.getAttribute('data-type');
    var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
    if(th.getAttribute('aria-sort')==='none'&&(type==='rank'||type==='number'))dir='descending';
    Array.prototype.forEach.call(ths,function(h){h.setAttribute('aria-sort','none');});
    th.setAttribute('aria-sort',dir);
    var rows=Array.prototype.slice.call(tbody.rows).map(function(r,idx){return {r:r,idx:idx,k:key(r,i,type)};});
    rows.sort(function(a,b){var x=a.k<b.k?-1:a.k>b.k?1:0;if(dir==='descending')x=-x;return x||a.idx-b.idx;});
    rows.forEach(function(o){tbody.appendChild(o.r);});
  }
  Array.prototype.forEach.call(ths,function(th,i){
    th.addEventListener('click',function(){sortBy(i);});
    th.addEventListener('keydown',function(ev){if(ev.key==='Enter'||ev.key===' '){ev.preventDefault();sortBy(i);}});
  });
  apply();
})();
`;

export function html(report: ScanReport, options: FormatOptions): string {
  const lang = options.lang;
  const title = t('title', lang);
  return (
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
    `<title>${e(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    `<h1>${e(title)}</h1>\n<p class="sub">kojin ${e(options.toolVersion)} · ${e(t('reportVersion', lang))} ${e(report.version)}</p>\n` +
    `<section id="summary"><h2>${e(t('summary', lang))}</h2>\n${summaryTable(report, lang)}\n` +
    `<h3>${e(t('byCategory', lang))}</h3>\n${categoryChart(report, lang)}\n` +
    `<h3>${e(t('perFile', lang))}</h3>\n${fileChart(report, lang)}\n</section>\n` +
    `<section id="specific"><h2>${e(t('specificFiles', lang))}</h2>\n` +
    (report.summary.specificPersonalInformationFiles.length > 0
      ? `<ul>${report.summary.specificPersonalInformationFiles.map((p) => `<li class="path">${e(p)}</li>`).join('')}</ul>`
      : `<p>${e(t('none', lang))}</p>`) +
    `\n</section>\n` +
    `<section id="failures-section"><h2>${e(t('failures', lang))} (${report.summary.failures.length})</h2>\n${failuresSection(report, lang)}\n</section>\n` +
    `<section id="files-section"><h2>${e(t('fileDetails', lang))}</h2>\n${filesSection(report, lang)}\n</section>\n` +
    `<section id="fields-section"><h2>${e(t('fieldList', lang))}</h2>\n${fieldsTable(report, lang)}\n</section>\n` +
    `<section id="notes"><h2>${e(t('handlingNotes', lang))}</h2>\n${notesSection(report, lang)}\n</section>\n` +
    `<footer>${e(t('generatedBy', lang))} ${e(options.toolVersion)}</footer>\n` +
    `<script type="application/json" id="kojin-report">${scriptJson(jsonReport(report))}</script>\n` +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
