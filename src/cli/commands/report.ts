import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RuntimeFailure, UsageError } from '../../errors.js';
import { progressStore } from '../progress.js';
import { buildReport, reportTrace } from '../../report/build.js';
import { readRecallCache, recallCacheFile, writeRecallCache } from '../recall-cache.js';
import { BadWindow } from '../../engine/days.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { cacheDir, columns, dataDir, dayStartHour, writeJson, type Context } from '../context.js';

interface ReportOptions {
  tag?: string[];
  since?: string;
  json?: boolean;
  html?: string;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export default async function report(opts: ReportOptions, _args: string[], ctx: Context): Promise<number> {
  const set = await loadConfiguredBanks(ctx, opts);
  const questions = opts.tag?.length ? selectQuestions(set, { tags: opts.tag }) : set.questions;
  const dir = dataDir(ctx, opts.dataDir);
  const progress = progressStore(ctx, dir).load();
  const cache = cacheDir(ctx);
  const traceFile = cache && recallCacheFile(cache, dir);
  const kept = traceFile ? readRecallCache(traceFile) : undefined;
  const trace = reportTrace(progress, { offset: ctx.offset, dayStart: dayStartHour(ctx), ...(kept && { trace: kept }) });
  if (traceFile && (trace.count !== kept?.count || trace.digest !== kept.digest || trace.scheduling !== kept.scheduling)) writeRecallCache(traceFile, trace);
  let data;
  try {
    data = buildReport(questions, progress, {
      now: ctx.now(),
      offset: ctx.offset,
      dayStart: dayStartHour(ctx),
      trace,
      tags: opts.tag ?? [],
      all: set.questions,
      ...(opts.since !== undefined && { since: opts.since }),
    });
  } catch (e) {
    if (e instanceof BadWindow) throw new UsageError(`--since ${e.message}`);
    throw e;
  }

  let htmlFile: string | undefined;
  if (opts.html !== undefined) {
    htmlFile = resolve(ctx.cwd, opts.html);
    // The renderers load only for the view asked for: --json, the scripted path, needs neither.
    const { renderHtml } = await import('../../report/render-html.js');
    try {
      writeFileSync(htmlFile, renderHtml(data));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const msg = `${htmlFile}: cannot write the HTML report (${code ?? (e as Error).message})`;
      throw code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' ? new UsageError(`${msg}; does the folder exist?`) : new RuntimeFailure(msg);
    }
  }
  if (opts.json) {
    writeJson(ctx, data);
    return 0;
  }
  const [{ renderTerminal }, { colours }] = await Promise.all([import('../../report/render-terminal.js'), import('../../format/colour.js')]);
  const c = colours(ctx);
  ctx.stdout.write(renderTerminal(data, { width: columns(ctx), chalk: c }));
  if (htmlFile) ctx.stdout.write(c.dim(`HTML report written to ${htmlFile}; open it in a browser.\n`));
  return 0;
}
