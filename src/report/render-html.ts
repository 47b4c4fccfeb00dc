import { parseDay, weekday } from '../engine/days.js';
import { band } from '../format/chart.js';
import { shortPrompt } from '../format/text.js';
import type { Activity, Forecast, Mocks, ReportData } from './types.js';
import { plural } from '../format/plural.js';

/**
 * One self-contained page: inline CSS and SVG, no script, no network, so that it opens
 * from disk anywhere and can be mailed or archived as it is.
 */
export function renderHtml(d: ReportData): string {
  const t = d.totals;
  const scope = d.filter.tags.length ? ` · tags ${d.filter.tags.join(', ')}` : '';
  const body =
    t.reviews === 0
      ? `<section><h2>Welcome</h2><p>No answers graded yet, so there is nothing to measure. ${t.questions} questions in ${d.tags.length} tags are waiting.</p>${nextHtml(d)}</section>`
      : [totalsHtml(d), nextSection(d), activityHtml(d.activity), forecastHtml(d.due), mocksHtml(d.mocks), tagsHtml(d), weakHtml(d), leechHtml(d)].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlquiz report · ${esc(d.today)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>mlquiz report</h1><p class="dim">${esc(d.today)}${esc(scope)} · made ${esc(d.generated_at)}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

const CSS = `
:root{--fg:#1f2328;--dim:#656d76;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--l0:#ebedf0;--l1:#9be9a8;--l2:#40c463;--l3:#30a14e;--l4:#216e39;--bar:#0969da;--bad:#cf222e;--mid:#bf8700;--good:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--dim:#8d96a0;--bg:#0d1117;--card:#161b22;--line:#30363d;--l0:#161b22;--l1:#0e4429;--l2:#006d32;--l3:#26a641;--l4:#39d353;--bar:#2f81f7;--bad:#f85149;--mid:#d29922;--good:#3fb950}}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:960px;padding:24px}
h1{margin:0}h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}
.dim{color:var(--dim)}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--card);padding:1px 4px;border-radius:4px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}.card b{font-size:24px;display:block}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--dim)}td.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{fill:var(--dim);font:11px system-ui,sans-serif}.reason{color:var(--mid)}.leech{color:var(--bad)}
ul.next{list-style:none;padding:0}ul.next li{margin:6px 0}
#heatmap,#forecast-chart,#mock-chart{max-width:100%;height:auto}
`;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function totalsHtml(d: ReportData): string {
  const t = d.totals;
  const card = (label: string, value: string, note: string) =>
    `<div class="card"><span class="dim">${esc(label)}</span><b>${esc(value)}</b><span class="dim">${esc(note)}</span></div>`;
  const r = t.retention;
  return `<section id="totals"><h2>Totals</h2><div class="cards">
${card('Seen', `${t.seen} / ${t.questions}`, `${pct(t.questions ? t.seen / t.questions : 0)} of the questions`)}
${card('Reviews', String(t.reviews), `on ${t.days_practised} days · ${t.window.reviews} since ${t.window.from}`)}
${card('Streak', `${t.streak.current} d`, `longest ${t.streak.longest} d${t.streak.practised_today || !t.streak.current ? '' : ' · practise today to keep it'}`)}
${card('Retention', r.rate === null ? '–' : pct(r.rate), r.rate === null ? `no repeat reviews since ${r.from}` : `of ${r.reviews} repeat reviews rated Good or Easy since ${r.from}`)}
${card('Due now', String(t.due_now), `${d.due.overdue} overdue from earlier days`)}
</div></section>`;
}

function masteryColour(m: number): string {
  return `var(--${band(m)})`;
}

function tagsHtml(d: ReportData): string {
  const rows = d.tags
    .map(
      (t) =>
        `<tr><td>${esc(t.tag)}</td><td class="n">${t.questions}</td><td class="n">${t.seen}</td><td class="n">${t.due}</td><td><svg class="mastery-bar" width="200" height="14" viewBox="0 0 200 14" role="img" aria-label="${esc(t.tag)} mastery ${pct(t.mastery)}"><rect width="200" height="14" rx="3" fill="var(--l0)"/><rect width="${(t.mastery * 200).toFixed(1)}" height="14" rx="3" fill="${masteryColour(t.mastery)}"/></svg></td><td class="n">${pct(t.mastery)}</td></tr>`,
    )
    .join('\n');
  return `<section id="tags"><h2>Mastery by tag</h2><table><thead><tr><th>tag</th><th>questions</th><th>seen</th><th>due</th><th colspan="2">mastery</th></tr></thead><tbody>
${rows}
</tbody></table><p class="dim">Mastery is the mean probability of recalling each of the tag's questions now, unseen questions counting as 0: it rises only by learning all of a tag.</p></section>`;
}

function prompt(s: string): string {
  return esc(shortPrompt(s, 180));
}

function weakHtml(d: ReportData): string {
  if (!d.weakest.length) return `<section id="weakest"><h2>Weakest questions</h2><p class="dim">None yet.</p></section>`;
  const rows = d.weakest
    .map(
      (w) =>
        `<tr><td><code>${esc(w.id)}</code></td><td><span class="reason">${esc(w.reasons.join(' · '))}</span><br>${prompt(w.prompt)}</td><td class="n">${pct(w.retrievability)}</td></tr>`,
    )
    .join('\n');
  return `<section id="weakest"><h2>Weakest questions</h2><table><thead><tr><th>id</th><th>why · question</th><th>recall</th></tr></thead><tbody>
${rows}
</tbody></table><p class="dim">Practise one: <code>mlquiz run --id &lt;id&gt;</code> (repeatable).</p></section>`;
}

function leechHtml(d: ReportData): string {
  if (!d.leeches.length) return '';
  const rows = d.leeches
    .slice(0, LEECHES_SHOWN)
    .map((l) => `<tr><td><code>${esc(l.id)}</code></td><td><span class="leech">${esc(l.reason)}</span><br>${prompt(l.prompt)}</td></tr>`)
    .join('\n');
  return `<section id="leeches"><h2>Leeches</h2><p class="dim">Failed again and again: at least 4 lapses, or Again in 3 of the last 5 reviews.</p><table><tbody>
${rows}
</tbody></table>${d.leeches.length > LEECHES_SHOWN ? `<p class="dim">… and ${d.leeches.length - LEECHES_SHOWN} more; <code>mlquiz report --json</code> lists them all.</p>` : ''}</section>`;
}

const LEECHES_SHOWN = 20;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function activityHtml(a: Activity): string {
  const from = parseDay(a.from);
  const firstMonday = from - weekday(from);
  const weeks = Math.floor((parseDay(a.to) - firstMonday) / 7) + 1;
  const cell = 15;
  const left = 30;
  const top = 16;
  const w = left + weeks * cell + 4;
  const h = top + 7 * cell + 4;
  const parts: string[] = [];
  // A month's name above the first week that starts in it; the first column gets its own
  // month's name only if the next name is not too close.
  const labels: { col: number; month: number }[] = [];
  for (let col = 0; col < weeks; col++) {
    const month = new Date((firstMonday + col * 7) * 86_400_000).getUTCMonth();
    if (col === 0 || labels.at(-1)!.month !== month) labels.push({ col, month });
  }
  if (labels.length > 1 && labels[1]!.col < 3) labels.shift();
  for (const l of labels) parts.push(`<text x="${left + l.col * cell}" y="11">${MONTHS[l.month]}</text>`);
  for (const day of a.days) {
    const n = parseDay(day.date);
    const col = Math.floor((n - firstMonday) / 7);
    const x = left + col * cell;
    const y = top + weekday(n) * cell;
    parts.push(
      `<rect class="day" x="${x}" y="${y}" width="${cell - 3}" height="${cell - 3}" rx="2" fill="var(--l${day.level})"><title>${day.date}: ${plural(day.reviews, 'review')}</title></rect>`,
    );
  }
  for (const wd of [0, 2, 4]) parts.push(`<text x="0" y="${top + wd * cell + 9}">${WEEKDAYS[wd]}</text>`);
  return `<section id="activity"><h2>Activity</h2><p class="dim">${esc(a.from)} to ${esc(a.to)} · busiest day ${a.max} reviews</p>
<svg id="heatmap" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="reviews per day">${parts.join('')}</svg>
<p class="dim">Less ${[0, 1, 2, 3, 4].map((l) => `<svg width="11" height="11"><rect width="11" height="11" rx="2" fill="var(--l${l})"/></svg>`).join(' ')} more</p></section>`;
}

function forecastHtml(f: Forecast): string {
  const max = Math.max(1, ...f.days.map((d) => d.reviews));
  const bw = 40;
  const chartH = 120;
  const top = 16;
  const w = f.days.length * bw + 8;
  const h = top + chartH + 34;
  const bars = f.days
    .map((d, i) => {
      const bh = d.reviews ? Math.max(2, (d.reviews / max) * chartH) : 0;
      const x = 4 + i * bw;
      const y = top + chartH - bh;
      const n = parseDay(d.date);
      const [l1, l2] = i === 0 ? ['today', ''] : [WEEKDAYS[weekday(n)], d.date.slice(8)];
      return `<rect class="due" x="${x + 4}" y="${y.toFixed(1)}" width="${bw - 8}" height="${bh.toFixed(1)}" rx="2" fill="var(--bar)"><title>${d.date}: ${d.reviews} due</title></rect><text x="${x + bw / 2}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${d.reviews}</text><text x="${x + bw / 2}" y="${top + chartH + 14}" text-anchor="middle">${l1}</text><text x="${x + bw / 2}" y="${top + chartH + 27}" text-anchor="middle">${l2}</text>`;
    })
    .join('');
  return `<section id="forecast"><h2>Due in the next 14 days</h2><p class="dim">Today includes ${f.overdue} overdue from earlier days.</p>
<svg id="forecast-chart" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="reviews due per day">${bars}</svg></section>`;
}

function mocksHtml(m: Mocks): string {
  if (!m.rounds.length)
    return `<section id="mocks"><h2>Mock rounds</h2><p class="dim">None yet: <code>mlquiz mock</code> runs a timed round and scores it.</p></section>`;
  const scored = m.rounds.filter((r) => r.score !== null);
  const W = 560;
  const H = 180;
  const pad = { l: 34, r: 12, t: 12, b: 28 };
  const x = (i: number) => pad.l + (scored.length === 1 ? (W - pad.l - pad.r) / 2 : (i / (scored.length - 1)) * (W - pad.l - pad.r));
  const y = (s: number) => pad.t + (1 - s / 100) * (H - pad.t - pad.b);
  const grid = [0, 25, 50, 75, 100]
    .map((s) => `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(s)}" y2="${y(s)}" stroke="var(--line)"/><text x="4" y="${y(s) + 4}">${s}</text>`)
    .join('');
  const line =
    scored.length > 1
      ? `<polyline fill="none" stroke="var(--bar)" stroke-width="2" points="${scored.map((r, i) => `${x(i).toFixed(1)},${y(r.score!).toFixed(1)}`).join(' ')}"/>`
      : '';
  const dots = scored
    .map(
      (r, i) =>
        `<circle class="mock" cx="${x(i).toFixed(1)}" cy="${y(r.score!).toFixed(1)}" r="4" fill="${r === m.best ? 'var(--good)' : 'var(--bar)'}"><title>${esc(r.date)}: ${r.score}</title></circle>`,
    )
    .join('');
  const ends = scored.length
    ? `<text x="${pad.l}" y="${H - 8}">${esc(scored[0]!.date)}</text><text x="${W - pad.r}" y="${H - 8}" text-anchor="end">${esc(scored.at(-1)!.date)}</text>`
    : '';
  const summary =
    m.best && m.latest
      ? `Best ${m.best.score} on ${esc(m.best.date)} · latest ${m.latest.score} on ${esc(m.latest.date)}${m.change === null ? '' : ` (${m.change >= 0 ? '+' : ''}${m.change} on the previous)`}`
      : 'No round finished yet.';
  const unfinished = m.rounds.length - scored.length;
  return `<section id="mocks"><h2>Mock rounds</h2><p>${summary}</p>
<svg id="mock-chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="mock round scores over time">${grid}${line}${dots}${ends}</svg>
<p class="dim">${plural(m.rounds.length, 'round')}${unfinished ? `, ${unfinished} not finished` : ''}.</p></section>`;
}

function nextHtml(d: ReportData): string {
  return `<ul class="next">${d.next.map((s) => `<li><code>${esc(s.command)}</code><br><span class="dim">${esc(s.reason)}</span></li>`).join('')}</ul>`;
}

function nextSection(d: ReportData): string {
  return `<section id="next"><h2>What to do next</h2>${nextHtml(d)}</section>`;
}
