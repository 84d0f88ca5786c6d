/** The revocation words people text back, in en, es, fr and ar, and what is not one. */
import { describe, expect, it } from 'vitest';
import { langOf, langOfText, revokes } from '../../functions/followup-text.ts';
import { withinTextingHours } from '../../functions/followup-zone.ts';

describe('revocation words', () => {
  it('takes the keywords alone and the plain-language phrases anywhere, in four languages', () => {
    for (const text of [
      'STOP',
      'stop.',
      ' Unsubscribe ',
      'End',
      'opt out',
      'Revoke!',
      'Please take me off this list',
      "Don't text me again",
      'remove me',
      'Alto',
      'BAJA',
      'Por favor sácame de la lista',
      'no me escriban más',
      'ARRÊT',
      'Retirez-moi de vos listes',
      "Ne m'écrivez plus",
      'توقف',
      'إلغاء',
      'احذفني من القائمة',
    ]) {
      expect({ text, revokes: revokes(text) }).toEqual({ text, revokes: true });
    }
  });

  it('leaves ordinary replies alone', () => {
    for (const text of [
      'Yes, I can come',
      'See you at the end of the meeting',
      'Can you stop by my place?',
      'I want to cancel my dentist appointment, not the meeting',
      'Para mañana sí',
      'Merci, à samedi',
      'نعم سأحضر',
    ]) {
      expect({ text, revokes: revokes(text) }).toEqual({ text, revokes: false });
    }
  });

  it('confirms in the language the revocation was written in', () => {
    expect(['STOP', 'baja', 'arrêt', 'توقف'].map(langOfText)).toEqual(['en', 'es', 'fr', 'ar']);
  });

  it("picks the caller's language and keeps texting hours in the contact's zone", () => {
    expect(langOf(undefined, 'fr-CA,fr;q=0.9,en;q=0.5')).toBe('fr');
    expect(langOf('ar', 'es')).toBe('ar');
    expect(langOf(undefined, 'de-DE')).toBe('en');
    const noonUtc = new Date('2026-12-03T12:00:00Z');
    expect(withinTextingHours(['UTC'], noonUtc)).toBe(true);
    expect(withinTextingHours(['Pacific/Auckland'], noonUtc)).toBe(false); // 01:00 there
    expect(withinTextingHours(['America/New_York'], new Date('2026-12-03T13:59:00Z'))).toBe(false); // 08:59
    expect(withinTextingHours(['America/New_York'], new Date('2026-12-03T14:00:00Z'))).toBe(true); // 09:00
    expect(withinTextingHours(['America/New_York'], new Date('2026-12-04T02:00:00Z'))).toBe(false); // 21:00
  });
});
