import { Option, type Command } from 'commander';
import type { Context } from './context.js';
import { addOptions, collect, intUpTo, numberBetween, numberUpTo, wholeUpTo } from './options.js';

/** A command module: parsed options in, exit code out. */
// Options arrive as commander parsed them; each module declares the typed view it relies on,
// and the argv table tests pin that mapping down.
export type Handler = (opts: any, args: string[], ctx: Context) => Promise<number>;

export interface CommandSpec {
  name: string;
  summary: string;
  /** Declares arguments and options; cheap, so help and parsing never load the command. */
  configure(cmd: Command): void;
  /** Imported only when the command runs, to keep start-up fast. */
  load(): Promise<{ default: Handler }>;
}

/** MAX_GOAL_MINUTES of the progress schema, which is not imported here: it would load zod for every command. */
const GOAL_MINUTES_MAX = 1440;
/** RETENTION_RANGE of the progress schema, for the same reason. */
const RETENTION = { min: 0.7, max: 0.97 };

export const registry: CommandSpec[] = [
  {
    name: 'run',
    summary: 'practise: weakest and due questions first, self-graded',
    configure(cmd) {
      addOptions(cmd, ['tag', 'deck', 'difficulty']);
      cmd.addOption(new Option('-n, --count <n>', "questions in the session (default: today's share of your goal, else 10)").argParser(intUpTo(1000)));
      cmd.addOption(
        new Option('--id <id>', 'ask this question (repeatable), e.g. one from `mlquiz report`').argParser((v: string, p: string[] = []) => [...p, v]),
      );
      cmd.addOption(new Option('--new <n>', 'at most this many new questions (0: reviews only)').argParser(wholeUpTo(1000)));
      cmd.addOption(new Option('--reviews-only', 'no new questions (the same as --new 0)'));
      cmd.addOption(new Option('--dry-run', 'print the session it would ask, with why each question is in it, and change nothing'));
      addOptions(cmd, ['json', 'seed', 'bank', 'dataDir', 'skipInvalid']);
    },
    load: () => import('./commands/run.js'),
  },
  {
    name: 'mock',
    summary: 'a timed mock interview round with a scorecard',
    configure(cmd) {
      cmd.addOption(new Option('-n, --count <n>', "questions in the round (default 6, or the plan's)").argParser(intUpTo(50)));
      cmd.addOption(new Option('-m, --minutes <m>', "minutes for the whole round (default 30, or the plan's)").argParser(numberUpTo(600)));
      cmd.addOption(
        new Option('--per-question <seconds>', "seconds per question (default: the question's time_limit, or by difficulty)").argParser(numberUpTo(3600)),
      );
      addOptions(cmd, ['tag']);
      cmd.addOption(new Option('--plan <name|file>', 'a named plan (see `mlquiz mock --list-plans`) or a plan YAML file'));
      cmd.addOption(new Option('--list-plans', 'list the shipped plans and exit'));
      addOptions(cmd, ['seed', 'bank', 'dataDir', 'skipInvalid']);
    },
    load: () => import('./commands/mock.js'),
  },
  {
    name: 'report',
    summary: 'where you stand: mastery by tag, weak spots, activity, forecast, mocks',
    configure(cmd) {
      addOptions(cmd, ['tag']);
      cmd.addOption(new Option('--since <when>', 'activity window: a duration such as 30d or 12w, or a date such as 2026-10-01'));
      addOptions(cmd, ['json']);
      cmd.addOption(new Option('--html <file>', 'also write a self-contained HTML report to this file'));
      addOptions(cmd, ['bank', 'dataDir', 'skipInvalid']);
    },
    load: () => import('./commands/report.js'),
  },
  {
    name: 'goal',
    summary: 'the interview day: readiness, daily pacing and mock rounds toward it',
    configure(cmd) {
      cmd.argument('[date]', 'the interview day, YYYY-MM-DD (without it: show the goal)');
      cmd.addOption(new Option('-t, --tag <tag>', 'focus the goal on questions with this tag (repeatable: any of them)').argParser(collect));
      cmd.addOption(new Option('-m, --minutes <n>', 'minutes you have each day (default 30)').argParser(numberUpTo(GOAL_MINUTES_MAX)));
      cmd.addOption(new Option('--clear', 'remove the goal (reviews and sessions are kept)'));
      addOptions(cmd, ['json', 'bank', 'dataDir', 'skipInvalid']);
    },
    load: () => import('./commands/goal.js'),
  },
  {
    name: 'list',
    summary: 'list the loaded questions',
    configure(cmd) {
      addOptions(cmd, ['tag', 'deck', 'difficulty', 'json', 'bank', 'skipInvalid']);
    },
    load: () => import('./commands/list.js'),
  },
  {
    name: 'tags',
    summary: 'every tag with its question count and your mastery',
    configure(cmd) {
      addOptions(cmd, ['json', 'bank', 'dataDir', 'skipInvalid']);
    },
    load: () => import('./commands/tags.js'),
  },
  {
    name: 'merge',
    summary: "fold another machine's (or a backup's) progress into this one; each review counts once",
    configure(cmd) {
      cmd.argument('<path>', 'a data folder, a journal (.jsonl) or a progress.json file (a backup, a copy from another machine)');
      cmd.addOption(new Option('--dry-run', 'say what would be added, and change nothing'));
      addOptions(cmd, ['json', 'dataDir']);
    },
    load: () => import('./commands/merge.js'),
  },
  {
    name: 'export',
    summary: 'write the questions as an Anki deck (.apkg), for AnkiDroid, AnkiMobile or desktop Anki',
    configure(cmd) {
      cmd.addOption(new Option('--anki <file>', 'the Anki package to write, e.g. mlquiz.apkg'));
      addOptions(cmd, ['tag', 'deck']);
      cmd.addOption(new Option('--with-progress', "also carry each card's schedule and your review history"));
      addOptions(cmd, ['json', 'bank', 'dataDir', 'skipInvalid']);
    },
    load: () => import('./commands/export.js'),
  },
  {
    name: 'import',
    summary: 'turn notes (Markdown Q&A, CSV/TSV, Anki .apkg/.colpkg) into a bank of self-rated questions',
    configure(cmd) {
      cmd.argument('<file>', 'the notes: .md (questions as headings or bold lines), .csv or .tsv (prompt,answer[,tags]), or an Anki .apkg or .colpkg');
      cmd.requiredOption('-o, --out <dir>', 'the folder to write the bank into (made if missing)');
      cmd.option('--force', 'overwrite bank files that already exist in --out');
      cmd.option('--source <text>', "where the notes come from, for the bank's source (default: the file's name)");
      cmd.option('--licence <text>', 'the licence of the notes (default: a licence line found in them)');
      cmd.addOption(new Option('--license <text>', 'the same as --licence').hideHelp());
      cmd.option('--prefix <slug>', 'put this before every id, e.g. dsi gives dsi-what-is-regression');
      addOptions(cmd, ['json', 'bank']);
    },
    load: () => import('./commands/import.js'),
  },
  {
    name: 'import-anki',
    summary: 'bring back the reviews made in Anki of the notes mlquiz exported; each counts once',
    configure(cmd) {
      cmd.argument('<file>', 'an Anki package: a deck (.apkg) or a whole collection (.colpkg)');
      cmd.addOption(new Option('--dry-run', 'say what would be added, and change nothing'));
      addOptions(cmd, ['json', 'dataDir']);
    },
    load: () => import('./commands/import-anki.js'),
  },
  {
    name: 'optimize',
    summary: 'fit the scheduler (FSRS-6) to your own memory, from your review history',
    configure(cmd) {
      cmd.addOption(
        new Option('--retention <r>', `the recall the intervals aim for, ${RETENTION.min} to ${RETENTION.max} (default 0.9)`).argParser(
          numberBetween(RETENTION.min, RETENTION.max),
        ),
      );
      cmd.addOption(new Option('--reset', "go back to FSRS-6's default parameters (and retention, unless --retention is given)"));
      addOptions(cmd, ['json', 'dataDir']);
    },
    load: () => import('./commands/optimize.js'),
  },
  {
    name: 'validate',
    summary: 'check bank files; problems as file:line:column: message',
    configure(cmd) {
      cmd.argument('[paths...]', 'bank files or folders (default: every configured bank)');
      cmd.option('--alone', 'check the named banks on their own, not beside the shipped banks and MLQUIZ_BANKS (ids may then clash)');
      addOptions(cmd, ['json', 'bank']);
    },
    load: () => import('./commands/validate.js'),
  },
];
