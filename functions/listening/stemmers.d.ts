/** The two packages ship no types; only what themes.ts uses. */
declare module 'snowball-stemmers' {
  const snowball: { newStemmer(language: string): { stem(word: string): string }; algorithms(): string[] };
  export default snowball;
}

declare module 'stopword' {
  export const eng: string[];
  export const spa: string[];
  export const fra: string[];
  export const ara: string[];
}
