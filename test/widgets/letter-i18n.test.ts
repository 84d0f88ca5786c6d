/** `<ladder-letter>`'s validation in every language: the same errors, in the supporter's words. */
import { expect, waitUntil } from '@open-wc/testing';
import { ar as coreAr } from '../../widgets/core/i18n/ar.ts';
import { en as coreEn } from '../../widgets/core/i18n/en.ts';
import { es as coreEs } from '../../widgets/core/i18n/es.ts';
import { fr as coreFr } from '../../widgets/core/i18n/fr.ts';
import { ar } from '../../widgets/letter/i18n/ar.ts';
import { en } from '../../widgets/letter/i18n/en.ts';
import { es } from '../../widgets/letter/i18n/es.ts';
import { fr } from '../../widgets/letter/i18n/fr.ts';
import { click, part, type } from './helpers.ts';
import { focused, letterWidget, state, text } from './letter-helpers.ts';
import { letterPosts, restore } from './letter-posts.ts';

describe('<ladder-letter> in en, es, fr, ar', () => {
  afterEach(() => restore?.());

  for (const [lang, core, own] of [
    ['en', coreEn, en],
    ['es', coreEs, es],
    ['fr', coreFr, fr],
    ['ar', coreAr, ar],
  ] as const) {
    it(`says what is wrong with the details in ${lang}, and sends nothing`, async () => {
      const posts = letterPosts();
      const el = await letterWidget('write', lang);
      await waitUntil(() => text(el, '[part=submit]') === own.find, `${lang} loaded`);
      expect(part(el, '[part=base]').dir).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await type(part(el, '[name=email]'), 'not-an-email');
      await type(part(el, '[name=postcode]'), '#!');
      await click(part(el, '[part=submit]'));
      await waitUntil(() => text(el, '[part=status]'), 'errors');
      expect(text(el, '[part=status]')).to.equal(core.fix);
      expect(text(el, '#givenName-error')).to.equal(core.required);
      expect(text(el, '#email-error')).to.equal(core.invalid_email);
      expect(text(el, '#postcode-error')).to.equal(core.invalid_postcode);
      expect(focused(el) === part(el, '[name=givenName]'), 'focus').to.equal(true);
      expect(state(el)).to.equal('form');
      expect(posts).to.have.length(0);
    });
  }
});
