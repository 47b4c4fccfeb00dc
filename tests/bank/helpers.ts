import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder holding the given files (text or bytes), for loader tests. */
export function fixtureDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlq-bank-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const GOOD_YAML = `deck: Demo
tags: [demo]
questions:
  - id: demo-open
    prompt: What is overfitting?
    answer: Fitting noise in the training data.
    key_points: [low train error, high test error]
  - id: demo-choice
    type: choice
    prompt: Which penalty gives sparsity?
    choices: [L1, L2]
    correct: 0
    answer: L1.
  - id: demo-numeric
    type: numeric
    prompt: 2 + 2?
    value: 4
    tolerance: 0
    answer: Four.
`;

/** One valid Markdown question, for hostile-input tests. */
export const QUESTION = `## What does an L2 penalty do to the weights?

<!--
id: evil-q
-->

It shrinks every weight toward zero in proportion to its size, which lowers variance.

Key points:
- shrinks weights toward zero
- lowers variance
`;
/** The reported exploit: gray-matter evaluated `---js` front matter with a working require. */
export const EXPLOIT = `---js
{deck: "x", tags: [require("child_process").execSync("id > pwned.txt").length === 0 && "regularization"]}
---
${QUESTION}`;
