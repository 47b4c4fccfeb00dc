import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore } from '../progress/open.js';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/bank/types.js';
import type { Answer } from '../../src/engine/answer-check.js';
import { UTC } from '../../src/engine/days.js';
import { pickSession } from '../../src/engine/pick.js';
import type { Graded } from '../../src/engine/rating.js';
import { openSession } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { Interrupted } from '../../src/errors.js';

import { runPractice } from '../../src/session/practice.js';
import { QUIT, type Prompter, type Quit } from '../../src/session/prompter.js';
import { NOW, q } from '../engine/fixtures.js';

type Step = { attempt: Answer | Quit | 'interrupt'; grade?: Graded | Quit; seconds?: number };

/** A prompter that plays a script and keeps a transcript; the clock moves as the script says. */
function scripted(steps: Step[], clock: { t: number }, retries: boolean[] = []) {
  const log: string[] = [];
  let i = 0;
  const p: Prompter = {
    info: (t) => log.push(`info ${t}`),
    warn: (t) => log.push(`warn ${t}`),
    showQuestion: (qq, pos) => void log.push(`ask ${pos.index}/${pos.total} ${qq.id} (${pos.label})`),
    attempt: async () => {
      const s = steps[i]!;
      clock.t += (s.seconds ?? 10) * 1000;
      if (s.attempt === 'interrupt') throw new Interrupted();
      return s.attempt;
    },
    reveal: (qq) => void log.push(`reveal ${qq.id}`),
    // The script's grade is split the way the session asks for it: the ticks, then the rating.
    tickKeyPoints: async () => {
      const g = steps[i]!.grade!;
      return g === QUIT ? [] : g.covered;
    },
    showKeyPoints: (qq) => log.push(`key points ${qq.id}`),
    rate: async (ask) => {
      const g = steps[i++]!.grade!;
      log.push(`rate ${ask.message} suggested ${ask.suggested}`);
      return g === QUIT ? QUIT : g.rating;
    },
    retrySave: async () => retries.shift() ?? false,
    summary: (s) => log.push(`summary ${s.answered ?? ''}`.trim()),
  };
  return { p, log };
}

function setup(n = 3, over: Partial<Question> = {}) {
  const questions: Question[] = Array.from({ length: n }, (_, k) => q(`q-${k}`, { tags: ['t'], ...over }));
  const store = testStore(mkdtempSync(join(tmpdir(), 'mlq-session-')));
  const clock = { t: NOW.getTime() };
  const now = () => new Date(clock.t);
  const picks = pickSession(questions, store.load(), { count: n, now: now(), rng: createRng('s'), all: questions });
  const session = openSession(
    'run',
    now(),
    's',
    picks.map((x) => x.question.id),
    {},
  );
  return { questions, store, clock, now, picks, session };
}
const good: Graded = { rating: 3, covered: [0, 1], coverage: 1 };

describe('the practice loop, in-process', () => {
  it('asks every pick, records each answer at once with its duration, and finishes the session', async () => {
    const { questions, store, clock, now, picks, session } = setup();
    const { p, log } = scripted(
      [
        { attempt: { text: 'a' }, grade: good, seconds: 42 },
        { attempt: { text: 'b' }, grade: good },
        { attempt: { text: 'c' }, grade: { rating: 1, covered: [], coverage: 0 } },
      ],
      clock,
    );
    const r = await runPractice({ picks, questions, progress: store.load(), store, session, prompter: p, now, offset: UTC });
    expect(r.status).toBe('finished');
    const saved = store.load();
    expect(saved.reviews.map((x) => [x.question, x.rating, x.duration_ms])).toEqual([
      [picks[0]!.question.id, 3, 42_000],
      [picks[1]!.question.id, 3, 10_000],
      [picks[2]!.question.id, 1, 10_000],
    ]);
    expect(saved.sessions).toMatchObject([{ id: session.id, status: 'finished', answered: 3 }]);
    // The header says why: the first opens the untried tag, the others are plain new ones of it.
    expect(log.filter((l) => l.startsWith('ask'))).toEqual(
      picks.map((x, k) => `ask ${k + 1}/3 ${x.question.id} (${k === 0 ? 'new: tag not yet tried' : 'new'})`),
    );
    expect(log.filter((l) => l.startsWith('info Saved'))).toEqual([
      'info Saved: Good. Next review in 3 days (2026-11-24).',
      expect.stringMatching(/^info Saved: Good/),
      expect.stringMatching(/^info Saved: Again/),
    ]);
  });

  it('a self-rated question (imported, no key points) is rated without a checklist and recorded with none', async () => {
    const { questions, store, clock, now, picks, session } = setup(1, { key_points: [], self_rated: true });
    const { p, log } = scripted([{ attempt: { text: 'a' }, grade: { rating: 2, covered: [], coverage: 1 } }], clock);
    p.tickKeyPoints = () => Promise.reject(new Error('no checklist for a self-rated question'));
    await runPractice({ picks, questions, progress: store.load(), store, session, prompter: p, now, offset: UTC });
    expect(log).toContain('info No key points for this question (self-rated): compare your answer with the model answer and rate it.');
    expect(store.load().reviews.map((x) => [x.question, x.rating, x.covered, x.total])).toEqual([['q-0', 2, [], 0]]);
  });

  it('q leaves keeping what was graded; the session is recorded as quit', async () => {
    const { questions, store, clock, now, picks, session } = setup();
    const { p } = scripted([{ attempt: { text: 'a' }, grade: good }, { attempt: QUIT }], clock);
    const r = await runPractice({ picks, questions, progress: store.load(), store, session, prompter: p, now, offset: UTC });
    expect(r.status).toBe('quit');
    expect(store.load().reviews).toHaveLength(1);
    expect(store.load().sessions[0]).toMatchObject({ status: 'quit', answered: 1 });
  });

  it('Ctrl+C records the session as interrupted, shows the summary, and rethrows', async () => {
    const { questions, store, clock, now, picks, session } = setup();
    const { p, log } = scripted([{ attempt: { text: 'a' }, grade: good }, { attempt: 'interrupt' }], clock);
    await expect(runPractice({ picks, questions, progress: store.load(), store, session, prompter: p, now, offset: UTC })).rejects.toBeInstanceOf(Interrupted);
    expect(store.load().sessions[0]).toMatchObject({ status: 'interrupted', answered: 1 });
    expect(log.at(-1)).toMatch(/^summary/);
  });

  it('a save that fails asks whether to retry, and a retry that works keeps the answer', async () => {
    const { questions, clock, now, picks, session } = setup(1);
    const real = testStore(mkdtempSync(join(tmpdir(), 'mlq-session-')));
    let failures = 1;
    const flaky = {
      ...real,
      commit: async (u: Parameters<typeof real.commit>[0]) => {
        if (failures-- > 0)
          throw new (await import('../../src/errors.js')).RuntimeFailure(
            '/x/progress.json: cannot save progress; this answer is not saved: the disk is full. Free some space and try again.',
          );
        return real.commit(u);
      },
    };
    const { p, log } = scripted([{ attempt: { text: 'a' }, grade: good }], clock, [true]);
    const r = await runPractice({ picks, questions, progress: real.load(), store: flaky, session, prompter: p, now, offset: UTC });
    expect(r.status).toBe('finished');
    expect(real.load().reviews).toHaveLength(1);
    expect(log).toContain('warn mlquiz: /x/progress.json: cannot save progress; this answer is not saved: the disk is full. Free some space and try again.');
  });
});
