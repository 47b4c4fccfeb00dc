import type { Question } from '../../src/bank/types.js';

export const NOW = new Date('2026-11-21T09:00:00.000Z');
export const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

export function q(id: string, over: Partial<Question> = {}): Question {
  return {
    id,
    deck: 'Test',
    prompt: `Prompt of ${id}`,
    answer: `Answer of ${id}`,
    key_points: ['one', 'two'],
    tags: ['t'],
    difficulty: 'medium',
    type: 'open',
    follow_ups: [],
    see_also: [],
    file: 'test.yaml',
    line: 1,
    ...over,
  };
}
