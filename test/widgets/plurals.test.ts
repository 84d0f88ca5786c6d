/**
 * Messages that depend on a count take the form the language's CLDR plural rules ask for (`Intl.PluralRules`),
 * in the widgets' and the dashboard's dictionaries: French says "0 envoi" like "1 envoi", Arabic has a dual.
 */
import { expect } from '@open-wc/testing';
import dashboardAr from '../../site/lib/dashboard/i18n/ar.ts';
import dashboardEs from '../../site/lib/dashboard/i18n/es.ts';
import dashboardFr from '../../site/lib/dashboard/i18n/fr.ts';
import callEs from '../../widgets/call/i18n/es.ts';
import callFr from '../../widgets/call/i18n/fr.ts';
import petitionEs from '../../widgets/petition/i18n/es.ts';
import petitionFr from '../../widgets/petition/i18n/fr.ts';
import rsvpEs from '../../widgets/rsvp/i18n/es.ts';
import rsvpFr from '../../widgets/rsvp/i18n/fr.ts';
import surveyEs from '../../widgets/survey/i18n/es.ts';
import surveyFr from '../../widgets/survey/i18n/fr.ts';

type Message = (count: number, n: string) => string;

/** Every count-dependent message of the Spanish and French dictionaries, by language. */
const messages: [string, 'es' | 'fr', Message][] = [
  ['petition signatures', 'es', petitionEs.signatures],
  ['petition signatures', 'fr', petitionFr.signatures],
  ['call calls', 'es', callEs.calls],
  ['call calls', 'fr', callFr.calls],
  ['rsvp left', 'es', (count, n) => rsvpEs.left(count, n, '50')],
  ['rsvp left', 'fr', (count, n) => rsvpFr.left(count, n, '50')],
  ['survey pending', 'es', surveyEs.pending],
  ['survey pending', 'fr', surveyFr.pending],
  ['survey failed', 'es', surveyEs.failed],
  ['survey failed', 'fr', surveyFr.failed],
  ['dashboard redelivered', 'es', (count, n) => dashboardEs.delivery.redelivered('e1', count, n)],
  ['dashboard redelivered', 'fr', (count, n) => dashboardFr.delivery.redelivered('e1', count, n)],
];

describe('plurals', () => {
  it('choose every Spanish and French form with Intl.PluralRules, in the message’s language', () => {
    const select = Intl.PluralRules.prototype.select;
    const asked: string[] = [];
    Intl.PluralRules.prototype.select = function (this: Intl.PluralRules, n: number) {
      asked.push(`${this.resolvedOptions().locale} ${n}`);
      return select.call(this, n);
    };
    try {
      for (const [name, lang, message] of messages) {
        asked.length = 0;
        message(2, '2');
        expect(asked, `${name} (${lang})`).to.include(`${lang} 2`);
      }
    } finally {
      Intl.PluralRules.prototype.select = select;
    }
  });

  it('write French zero in the singular and Arabic two in the dual, on the dashboard too', () => {
    expect(dashboardFr.delivery.redelivered('e1', 0, '0')).to.contain('(0 envoi)');
    expect(dashboardFr.delivery.redelivered('e1', 2, '2')).to.contain('(2 envois)');
    expect(dashboardAr.delivery.redelivered('e1', 2, '٢')).to.contain('إرسالان');
    expect(petitionFr.signatures(0, '0')).to.equal('0 signature');
    expect(petitionEs.signatures(1_000_000, '1.000.000')).to.equal('1.000.000 firmas');
  });
});
