/**
 * A message that depends on a count, in the form the language's CLDR plural category asks for (`Intl.PluralRules`,
 * in every browser): `{n}` is the count as the page writes it. A category with no form of its own takes `other`
 * (French and Spanish "many", for round millions, read like "other" with digits).
 */
export const plural =
  (lang: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (count: number, n: string): string =>
    (forms[new Intl.PluralRules(lang).select(count)] ?? forms.other).replace('{n}', n);
