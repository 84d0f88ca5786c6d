/**
 * A letter's text: the target filled in, and how much of it is the supporter's own. Widget-safe (no imports): the
 * server checks with these and `<ladder-letter>` tells the supporter before sending.
 */

/** The subject or letter with the target filled in. */
export const fillLetter = (text: string, target: { name: string; title: string }): string =>
  text.replaceAll('{target}', target.name).replaceAll('{title}', target.title);

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The words of `text` that are not the suggestion's (each suggested word used up once). A letter of one's own
 * (`editing: required`) has at least `ownWordsNeeded` of them: offices read personal letters, not copies.
 */
export function ownWords(text: string, suggestion: string): number {
  const left = new Map<string, number>();
  for (const word of words(suggestion)) left.set(word, (left.get(word) ?? 0) + 1);
  let own = 0;
  for (const word of words(text)) {
    const n = left.get(word) ?? 0;
    if (n) left.set(word, n - 1);
    else own++;
  }
  return own;
}

/** Twenty words of one's own, or a fifth of the suggestion's length if that is more. */
export const ownWordsNeeded = (suggestion: string): number => Math.max(20, Math.ceil(words(suggestion).length / 5));

/** Whether the supporter changed the suggestion at all (whitespace aside). */
export const edited = (text: string, suggestion: string): boolean =>
  text.replace(/\s+/g, ' ').trim() !== suggestion.replace(/\s+/g, ' ').trim();
