// Counts in words, shared by the pages.

/** "1 student", "3 students". */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? word : words}`;
}
