/** "1 question", "3 questions"; `many` for words whose plural is not word + "s". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
