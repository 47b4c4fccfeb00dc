import { parseDay, weekday } from '../engine/days.js';
import { band } from '../format/chart.js';
import { shortPrompt } from '../format/text.js';
import type { Activity, Mocks, ReportData } from './types.js';
import { plural } from '../format/plural.js';
import {
  daysBefore,
  dueNowNote,
  EMPTY_SCOPE,
  forecastLabel,
  forecastNote,
  GOAL_OVER,
  goalHeadline,
  goalScopeNote,
  goalVerdict,
  expectedNote,
  madeAt,
  mockScore,
  MONTHS,
  NO_GOAL,
  nextMock,
  READINESS_NOTE,
  todayBarNote,
  todayNote,
  WEEKDAYS,
} from './labels.js';
import { percent as pct } from './recall.js';
import { calibrationHtml } from './render-calibration.js';

/**
 * One self-contained page: inline CSS and SVG, no script, no network, so that it opens
 * from disk anywhere and can be mailed or archived as it is.
 */
export function renderHtml(d: ReportData): string {
  const t = d.totals;
  const scope = d.filter.tags.length ? ` · tags ${d.filter.tags.join(', ')}` : '';
  const body =
    t.reviews === 0
      ? `${goalHtml(d)}\n<section><h2>Welcome</h2><p>No answers graded yet, so there is nothing to measure. ${t.questions} questions in ${d.tags.length} tags are waiting.</p>${nextHtml(d)}</section>`
      : [
          goalHtml(d),
          totalsHtml(d),
          nextSection(d),
          activityHtml(d.activity),
          forecastHtml(d),
          mocksHtml(d.mocks),
          calibrationHtml(d.calibration, d.scheduler, esc),
          tagsHtml(d),
          weakHtml(d),
          leechHtml(d),
        ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlquiz report · ${esc(d.today)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>mlquiz report</h1><p class="dim">made <time datetime="${esc(d.generated_local)}">${esc(madeAt(d))}</time>${esc(scope)}</p></header>
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
.dim{color:var(--dim)}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--card);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}.card b{font-size:24px;display:block}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--dim)}th.n,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.bar{width:260px;vertical-align:middle}.m{display:flex;align-items:center;gap:8px}.m span{min-width:2.6em;text-align:right;font-variant-numeric:tabular-nums}
.narrow{display:none}
svg text{fill:var(--dim);font:12px system-ui,sans-serif}.reason{color:var(--mid)}.leech{color:var(--bad)}
ul.next{list-style:none;padding:0}ul.next li{margin:6px 0}
.chart{overflow-x:auto}.chart svg{display:block;width:100%;height:auto}
.chart.latest{direction:rtl}.chart.latest svg{direction:ltr;margin:0 auto 0 0}
.mastery-bar{display:block;flex:1 1 auto;width:100%;max-width:200px;min-width:36px;height:14px;border-radius:3px}
.legend svg{vertical-align:-1px}
.verdict-on{color:var(--good)}.verdict-behind{color:var(--mid)}.behind{color:var(--mid);margin:4px 0}
#goal h3{font-size:15px;margin:18px 0 6px}#goal-rounds td:first-child{white-space:nowrap}
table.qs td:first-child{width:1%;white-space:nowrap}
@media (max-width:600px){body{padding:16px 12px}th,td{padding:4px 5px}th.n{white-space:normal}.wide{display:none}.narrow{display:inline}td.bar{width:auto}
table.qs thead{display:none}table.qs td{display:block;border:0;padding:0}table.qs td:first-child{width:auto;white-space:normal;padding-top:8px}table.qs tr{display:block;border-bottom:1px solid var(--line);padding-bottom:8px}}
`;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

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
${card('Due now', String(t.due_now), dueNowNote(t))}
</div></section>`;
}

/** A command inside a sentence: the sentence escaped, the command set as code. */
function withCode(text: string, command: string): string {
  const i = text.indexOf(command);
  return i < 0 ? esc(text) : `${esc(text.slice(0, i))}<code>${esc(command)}</code>${esc(text.slice(i + command.length))}`;
}

/** The same bar as mastery's, for a share in [0, 1]. */
function shareBar(share: number, label: string): string {
  return `<div class="m"><svg class="mastery-bar" viewBox="0 0 200 14" preserveAspectRatio="none" role="img" aria-label="${esc(label)} ${pct(share)}"><rect width="200" height="14" fill="var(--l0)"/><rect width="${(share * 200).toFixed(1)}" height="14" fill="${masteryColour(share)}"/></svg><span>${pct(share)}</span></div>`;
}

/** The interview goal first, in the words of the terminal; without one, a line on how to set it. */
function goalHtml(d: ReportData): string {
  const g = d.goal;
  if (!g) return `<section id="goal"><p class="dim">${withCode(NO_GOAL, 'mlquiz goal YYYY-MM-DD')}</p></section>`;
  const head = `<section id="goal"><h2>${esc(goalHeadline(g))}</h2><p class="dim">Scope: ${esc(goalScopeNote(g))}</p>`;
  if (!g.scope.questions) return `${head}<p class="behind">${esc(EMPTY_SCOPE)}</p></section>`;
  const verdict = `<span class="${g.status === 'on track' ? 'verdict-on' : g.status === 'behind' ? 'verdict-behind' : 'dim'}">${esc(goalVerdict(g))}</span>`;
  const card = (label: string, value: string, note: string) =>
    `<div class="card"><span class="dim">${esc(label)}</span><b>${value}</b><span class="dim">${note}</span></div>`;
  const p = g.plan;
  const cards = [
    card('Readiness on the day', esc(pct(g.readiness.overall)), verdict),
    card('Introduced', `${p.introduced} / ${g.scope.questions}`, esc(expectedNote(g))),
  ];
  if (g.status !== 'over')
    cards.push(card('Today', String(p.today.total), p.today.total ? `${esc(todayNote(g))} · <code>mlquiz run</code>` : esc(todayNote(g))));
  const behind = g.behind.map((why) => `<p class="behind">behind: ${esc(why)}</p>`).join('') + `<p class="dim">Readiness: ${esc(READINESS_NOTE)}.</p>`;
  if (g.status === 'over') return `${head}<div class="cards">${cards.join('')}</div>${behind}<p>${withCode(GOAL_OVER, 'mlquiz goal --clear')}</p></section>`;
  const rows = g.readiness.tags
    .map(
      (x) =>
        `<tr><td class="tag">${esc(x.tag)}</td><td class="n">${x.introduced} / ${x.questions}</td><td class="bar">${shareBar(x.readiness, `${x.tag} readiness`)}</td></tr>`,
    )
    .join('\n');
  const rounds = g.mocks.rounds.length
    ? `<table id="goal-rounds"><thead><tr><th>day</th><th class="n">score</th><th>before the interview</th></tr></thead><tbody>${g.mocks.rounds
        .map((r) => `<tr><td>${esc(r.date)}</td><td class="n">${esc(mockScore(r.score))}</td><td>${esc(daysBefore(r.days_left))}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p class="dim">None taken since the goal was set.</p>`;
  const next = nextMock(g, d.today);
  return `${head}<div class="cards">${cards.join('')}</div>${behind}
<h3>Readiness by tag <span class="dim">(lowest first)</span></h3><table id="goal-tags"><thead><tr><th>tag</th><th class="n">introduced</th><th>readiness on the day</th></tr></thead><tbody>
${rows}
</tbody></table>
<h3>Mock rounds on the way</h3><p class="dim">${esc(g.mocks.rule)}</p>${rounds}${next ? `<p>Next: ${esc(next)} · <code>mlquiz mock</code></p>` : ''}</section>`;
}

function masteryColour(m: number): string {
  return `var(--${band(m)})`;
}

function tagsHtml(d: ReportData): string {
  const rows = d.tags
    .map(
      (t) =>
        `<tr><td class="tag">${esc(t.tag)}</td><td class="n">${t.questions}</td><td class="n">${t.seen}</td><td class="n">${t.due}</td><td class="bar"><div class="m"><svg class="mastery-bar" viewBox="0 0 200 14" preserveAspectRatio="none" role="img" aria-label="${esc(t.tag)} mastery ${pct(t.mastery)}"><rect width="200" height="14" fill="var(--l0)"/><rect width="${(t.mastery * 200).toFixed(1)}" height="14" fill="${masteryColour(t.mastery)}"/></svg><span>${pct(t.mastery)}</span></div></td></tr>`,
    )
    .join('\n');
  return `<section id="tags"><h2>Mastery by tag</h2><table><thead><tr><th>tag</th><th class="n"><span class="wide">questions</span><span class="narrow">qs</span></th><th class="n">seen</th><th class="n">due now</th><th>mastery</th></tr></thead><tbody>
${rows}
</tbody></table><p class="dim">Mastery is the mean recall now over the tag's questions, unseen questions counting as 0: it rises only by learning all of a tag.</p></section>`;
}

function prompt(s: string): string {
  return esc(shortPrompt(s, 180));
}

function weakHtml(d: ReportData): string {
  if (!d.weakest.length) return `<section id="weakest"><h2>Weakest questions</h2><p class="dim">None yet.</p></section>`;
  const rows = d.weakest
    .map((w) => `<tr><td><code>${esc(w.id)}</code></td><td><span class="reason">${esc(w.reasons.join(' · '))}</span><br>${prompt(w.prompt)}</td></tr>`)
    .join('\n');
  return `<section id="weakest"><h2>Weakest questions</h2><table class="qs"><thead><tr><th>id</th><th>why · question</th></tr></thead><tbody>
${rows}
</tbody></table><p class="dim">Recall: the chance of recalling it now as FSRS estimates it from your history, 0 while the last answer was Again. Practise one: <code>mlquiz run --id &lt;id&gt;</code> (repeatable).</p></section>`;
}

function leechHtml(d: ReportData): string {
  if (!d.leeches.length) return '';
  const rows = d.leeches
    .slice(0, LEECHES_SHOWN)
    .map((l) => `<tr><td><code>${esc(l.id)}</code></td><td><span class="leech">${esc(l.reason)}</span><br>${prompt(l.prompt)}</td></tr>`)
    .join('\n');
  return `<section id="leeches"><h2>Leeches</h2><p class="dim">Failed again and again: at least 4 lapses, or Again in 3 of the last 5 reviews.</p><table class="qs"><tbody>
${rows}
</tbody></table>${d.leeches.length > LEECHES_SHOWN ? `<p class="dim">… and ${d.leeches.length - LEECHES_SHOWN} more; <code>mlquiz report --json</code> lists them all.</p>` : ''}</section>`;
}

const LEECHES_SHOWN = 20;

/** The heatmap's geometry: cells as large as fit the page (between 12 and 26 px), never smaller than 12 px. */
const PAGE = 912;
const HEAT_CELL = { min: 12, max: 26 } as const;
/** Room for a month's name (12 px type), so that the last one is never cut off. */
const LABEL_W = 28;

function activityHtml(a: Activity): string {
  const from = parseDay(a.from);
  const firstMonday = from - weekday(from);
  const weeks = Math.floor((parseDay(a.to) - firstMonday) / 7) + 1;
  const left = 34;
  const top = 20;
  const cell = Math.max(HEAT_CELL.min, Math.min(HEAT_CELL.max, Math.floor((PAGE - left - LABEL_W) / weeks)));
  const gap = Math.max(2, Math.round(cell / 6));
  const parts: string[] = [];
  // A month's name above the first week that starts in it; the first column gets its own
  // month's name only if the next name is not too close.
  const labels: { col: number; month: number }[] = [];
  for (let col = 0; col < weeks; col++) {
    const month = new Date((firstMonday + col * 7) * 86_400_000).getUTCMonth();
    if (col === 0 || labels.at(-1)!.month !== month) labels.push({ col, month });
  }
  if (labels.length > 1 && (labels[1]!.col - labels[0]!.col) * cell < LABEL_W) labels.shift();
  for (const l of labels) parts.push(`<text x="${left + l.col * cell}" y="13">${MONTHS[l.month]}</text>`);
  for (const day of a.days) {
    const n = parseDay(day.date);
    const col = Math.floor((n - firstMonday) / 7);
    const x = left + col * cell;
    const y = top + weekday(n) * cell;
    parts.push(
      `<rect class="day" x="${x}" y="${y}" width="${cell - gap}" height="${cell - gap}" rx="${Math.round(cell / 7)}" fill="var(--l${day.level})"><title>${day.date}: ${plural(day.reviews, 'review')}</title></rect>`,
    );
  }
  for (const wd of [0, 2, 4, 6]) parts.push(`<text x="0" y="${top + wd * cell + (cell - gap) / 2 + 4}">${WEEKDAYS[wd]}</text>`);
  const lastLabel = labels.length ? left + labels.at(-1)!.col * cell + LABEL_W : 0;
  const w = Math.max(left + weeks * cell, lastLabel);
  const h = top + 7 * cell;
  // Full size where it fits, shrunk to 12 px cells at most, then scrolled with the latest weeks in view.
  const minW = Math.round((w * HEAT_CELL.min) / cell);
  const sq = (l: number) => `<svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="var(--l${l})"/></svg>`;
  return `<section id="activity"><h2>Activity</h2><p class="dim">${esc(a.from)} to ${esc(a.to)} · busiest day ${plural(a.max, 'review')}</p>
<div class="chart latest"><svg id="heatmap" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" style="max-width:${w}px;min-width:${Math.min(w, minW)}px" role="img" aria-label="reviews per day">${parts.join('')}</svg></div>
<p class="dim legend">Less ${[0, 1, 2, 3, 4].map(sq).join(' ')} more</p></section>`;
}

function forecastHtml(d: ReportData): string {
  const f = d.due;
  const max = Math.max(1, ...f.days.map((x) => x.reviews));
  const bw = 32;
  const chartH = 120;
  const top = 18;
  const w = f.days.length * bw + 8;
  const h = top + chartH + 34;
  const bars = f.days
    .map((x, i) => {
      const bh = x.reviews ? Math.max(2, (x.reviews / max) * chartH) : 0;
      const left = 4 + i * bw;
      const y = top + chartH - bh;
      const [l1, l2] = forecastLabel(x.date, i);
      const note = i === 0 && todayBarNote(d.totals) ? ` (${todayBarNote(d.totals)})` : '';
      return `<rect class="due" x="${left + 3}" y="${y.toFixed(1)}" width="${bw - 6}" height="${bh.toFixed(1)}" rx="2" fill="var(--bar)"><title>${x.date}: ${x.reviews} due${note}</title></rect><text x="${left + bw / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${x.reviews}</text><text x="${left + bw / 2}" y="${top + chartH + 15}" text-anchor="middle">${l1}</text><text x="${left + bw / 2}" y="${top + chartH + 29}" text-anchor="middle">${l2}</text>`;
    })
    .join('');
  return `<section id="forecast"><h2>Due in the next 14 days</h2><p class="dim">${esc(forecastNote(d.totals))}</p>
<div class="chart"><svg id="forecast-chart" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" style="max-width:${w}px;min-width:${Math.round(w * 0.75)}px" role="img" aria-label="reviews due per day">${bars}</svg></div></section>`;
}

function mocksHtml(m: Mocks): string {
  if (!m.rounds.length)
    return `<section id="mocks"><h2>Mock rounds</h2><p class="dim">None yet: <code>mlquiz mock</code> runs a timed round and scores it.</p></section>`;
  const scored = m.rounds.filter((r) => r.score !== null);
  const W = 480;
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
<div class="chart"><svg id="mock-chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" style="max-width:${W}px;min-width:${Math.round(W * 0.75)}px" role="img" aria-label="mock round scores over time">${grid}${line}${dots}${ends}</svg></div>
<p class="dim">${plural(m.rounds.length, 'round')}${unfinished ? `, ${unfinished} not finished` : ''}.</p></section>`;
}

function nextHtml(d: ReportData): string {
  return `<ul class="next">${d.next.map((s) => `<li><code>${esc(s.command)}</code><br><span class="dim">${esc(s.reason)}</span></li>`).join('')}</ul>`;
}

function nextSection(d: ReportData): string {
  return `<section id="next"><h2>What to do next</h2>${nextHtml(d)}</section>`;
}
