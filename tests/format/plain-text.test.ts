import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/format/markdown.js';
import { isPlainText, renderPlainText } from '../../src/format/plain-text.js';
import { shippedMarkdown } from './shipped-texts.js';

describe('plain prompts render without marked, exactly as marked renders them', () => {
  it('tells plain text from markup', () => {
    expect(isPlainText('What is the bias of $\\hat\\theta$ when n = 3?')).toBe(true);
    for (const md of ['a **b**', 'use `x`', '- item', '1. first', '> quote', '$$x$$', 'a \\_ b', '# head', 'a | b', '[l](u)'])
      expect(isPlainText(md), md).toBe(false);
  });

  it.each([40, 60, 100])('every plain shipped prompt is the same at %i columns', async (width) => {
    const prompts = (await shippedMarkdown())
      .filter((t) => t.name.endsWith(' prompt'))
      .map((t) => t.md)
      .filter(isPlainText);
    expect(prompts.length).toBeGreaterThan(400);
    for (const p of prompts) expect(renderPlainText(p, width), p).toBe(stripVTControlCharacters(renderMarkdown(p, width)));
  });
});
