/**
 * Theme suggestion for open answers: the words and two-word phrases that recur across answers, in English,
 * Spanish, French and Arabic. Each answer's language is told by its script (Arabic) or by which language's stop
 * words it uses most; stop words are dropped and words stemmed (Snowball), so "repairs", "repaired" and "repair"
 * are one theme. All on the server, from two packages' own files: no service, nothing downloaded.
 */
import snowball from 'snowball-stemmers';
import { ara, eng, fra, spa } from 'stopword';
import type { Lang } from '../../schema/limits.ts';
import type { ThemeSuggestion } from '../../schema/results.ts';

const STEMMERS = { en: 'english', es: 'spanish', fr: 'french', ar: 'arabic' } as const;
const LATIN: Lang[] = ['en', 'es', 'fr'];
const STOP: Record<Lang, Set<string>> = {
  en: new Set(eng),
  es: new Set(spa),
  fr: new Set(fra),
  ar: new Set(ara.map((w) => plain(w))),
};
const stemmers = Object.fromEntries(
  Object.entries(STEMMERS).map(([lang, name]) => [lang, snowball.newStemmer(name)]),
) as Record<Lang, { stem(word: string): string }>;

/**
 * Stemming a word takes ~60 µs in this Snowball port, and answers repeat the same few thousand words: each word is
 * stemmed once (bounded: past 100,000 words the cache starts again).
 */
const stems = new Map<string, string>();
function stem(lang: Lang, word: string): string {
  const key = `${lang}:${word}`;
  let found = stems.get(key);
  if (found === undefined) {
    if (stems.size >= 100_000) stems.clear();
    stems.set(key, (found = stemmers[lang].stem(word)));
  }
  return found;
}

/** Lower-case, and Arabic without short vowels and tatweel: words, their places and the labels are read from it. */
function plain(word: string): string {
  return word.toLowerCase().replace(/[\u064B-\u0652\u0640]/g, '');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
const ARABIC = /\p{Script=Arabic}/u;

interface Token {
  stem: string;
  start: number;
  end: number;
}

/** The language of one answer; `fallback` (the campaign's) when nothing tells. */
export function languageOf(text: string, words: string[], fallback: Lang): Lang {
  if (ARABIC.test(text)) return 'ar';
  let best: Lang = fallback === 'ar' ? 'en' : fallback;
  let most = 0;
  for (const lang of LATIN) {
    let hits = 0;
    for (const word of words) if (STOP[lang].has(word)) hits++;
    if (hits > most) [best, most] = [lang, hits];
  }
  return best;
}

/** The answer's content words, stemmed, with where each stands in `plain(text)`, which the caller gets too. */
export function tokens(text: string, fallback: Lang): { lang: Lang; text: string; tokens: Token[] } {
  const clean = plain(text);
  const found = [...clean.matchAll(WORD)];
  const lang = languageOf(
    clean,
    found.map((m) => m[0]),
    fallback,
  );
  const result: Token[] = [];
  for (const m of found) {
    const word = m[0];
    if (word.length < 2 || STOP[lang].has(word) || /^\d+$/.test(word)) continue;
    result.push({ stem: stem(lang, word), start: m.index, end: m.index + word.length });
  }
  return { lang, text: clean, tokens: result };
}

/** The theme keys an answer holds: `lang:stem` and `lang:stem stem` for neighbouring content words. */
export function keysOf(text: string, fallback: Lang): Map<string, string> {
  const { lang, text: clean, tokens: found } = tokens(text, fallback);
  const keys = new Map<string, string>();
  found.forEach((token, i) => {
    // A word of two letters ("no") says something only next to another.
    if (token.end - token.start > 2) keys.set(`${lang}:${token.stem}`, clean.slice(token.start, token.end));
    const next = found[i + 1];
    if (next) keys.set(`${lang}:${token.stem} ${next.stem}`, clean.slice(token.start, next.end));
  });
  return keys;
}

interface Seen {
  count: number;
  surfaces: Map<string, number>;
  quotes: string[];
}

/**
 * Reads the answers batch by batch (memory holds the vocabulary, not the answers) and suggests up to `limit`
 * themes held by at least `min` answers each, two-word phrases before the words they contain.
 */
export async function suggestThemes(
  batches: AsyncIterable<{ text: string; n?: number }[]>,
  fallback: Lang,
  { limit = 12, min = 5 } = {},
): Promise<ThemeSuggestion[]> {
  const seen = new Map<string, Seen>();
  for await (const batch of batches) {
    // `n`: how many gave this answer (the database groups equal answers), each counted.
    for (const { text, n = 1 } of batch) {
      for (const [key, surface] of keysOf(text, fallback)) {
        let entry = seen.get(key);
        if (!entry) seen.set(key, (entry = { count: 0, surfaces: new Map(), quotes: [] }));
        entry.count += n;
        entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + n);
        if (entry.quotes.length < 3 && !entry.quotes.includes(text)) entry.quotes.push(text);
      }
    }
  }
  const phrase = (key: string) => key.includes(' ');
  const ranked = [...seen.entries()]
    .filter(([, s]) => s.count >= min)
    .sort(([a, x], [b, y]) => y.count * (phrase(b) ? 1.5 : 1) - x.count * (phrase(a) ? 1.5 : 1) || a.localeCompare(b));
  const chosen: [string, Seen][] = [];
  for (const [key, entry] of ranked) {
    if (chosen.length >= limit) break;
    // A word or phrase sharing a word with a chosen one, seen about as often, mostly repeats it ("heat" after
    // "no heat", "heating broken" after "heat since October" in the same answers).
    const stems = new Set(key.slice(key.indexOf(':') + 1).split(' '));
    const covered = chosen.some(
      ([other, o]) =>
        other.slice(0, 3) === key.slice(0, 3) &&
        other
          .slice(other.indexOf(':') + 1)
          .split(' ')
          .some((stem) => stems.has(stem)) &&
        Math.min(entry.count, o.count) >= 0.6 * Math.max(entry.count, o.count),
    );
    if (!covered) chosen.push([key, entry]);
  }
  return chosen.map(([key, entry]) => ({
    key,
    lang: key.slice(0, key.indexOf(':')) as Lang,
    label: [...entry.surfaces.entries()].sort((a, b) => b[1] - a[1])[0][0],
    count: entry.count,
    quotes: entry.quotes,
  }));
}
