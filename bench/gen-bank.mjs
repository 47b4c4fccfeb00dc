// Generates a synthetic bank of N questions (a third each open, choice, numeric) for benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generateBank(dir, n, perFile = 500) {
  mkdirSync(dir, { recursive: true });
  const tags = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  for (let f = 0; f * perFile < n; f++) {
    const lines = [`deck: Synthetic ${f}`, `tags: [synthetic]`, 'questions:'];
    for (let i = f * perFile; i < Math.min(n, (f + 1) * perFile); i++) {
      const kind = ['open', 'choice', 'numeric'][i % 3];
      lines.push(`  - id: syn-${i}`, `    type: ${kind}`, `    difficulty: ${['easy', 'medium', 'hard'][i % 3]}`, `    tags: [${tags[i % tags.length]}]`);
      lines.push(`    prompt: |`, `      Synthetic question ${i}: explain why $\\frac{a_${i}}{b}$ matters for **topic** ${i % 97}, with an example.`);
      lines.push(
        `    answer: |`,
        `      Because of reason ${i}. The key formula is $\\sqrt{\\sigma^2 + \\epsilon}$ and`,
        `      it shows up in practice whenever the batch is small; see the worked example.`,
      );
      if (kind === 'open') lines.push('    key_points:', `      - first point of ${i}`, `      - second point of ${i}`, `      - third point of ${i}`);
      if (kind === 'choice') lines.push(`    choices: ["option a ${i}", "option b", "option c", "option d"]`, `    correct: ${i % 4}`);
      if (kind === 'numeric') lines.push(`    value: ${i / 7}`, '    tolerance: 0.01');
    }
    writeFileSync(join(dir, `synthetic-${String(f).padStart(3, '0')}.yaml`), lines.join('\n') + '\n');
  }
}
