/**
 * The sign-in link a team member gets by email (an invitation, or "email me a link"), in the language of the
 * organizing page they asked from. The link opens that page with the secret in the fragment, which browsers never
 * send to a server nor put in a Referer; the page exchanges it for a session once (functions/routes/auth.ts).
 */
import type { OutboxEvent } from '../store/types.ts';
import { signInPage } from '../../schema/team.ts';
import { type Message, render } from './messages.ts';

type Words = [subject: string, body: string, link: string, notYou: string];

const WORDS: Record<string, Words> = {
  en: [
    'Sign in to organize with Ladder',
    'Here is your link to sign in to the organizing pages. It works once, for 15 minutes.',
    'Sign in',
    'If you did not ask for this, ignore this email: nobody can sign in without the link.',
  ],
  es: [
    'Inicia sesión para organizar con Ladder',
    'Este es tu enlace para entrar en las páginas de organización. Funciona una vez, durante 15 minutos.',
    'Iniciar sesión',
    'Si no lo pediste, ignora este correo: nadie puede entrar sin el enlace.',
  ],
  fr: [
    'Connectez-vous pour organiser avec Ladder',
    'Voici votre lien pour vous connecter aux pages d’organisation. Il fonctionne une fois, pendant 15 minutes.',
    'Me connecter',
    'Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans le lien.',
  ],
  ar: [
    'سجّل الدخول للتنظيم مع Ladder',
    'هذا رابطك لتسجيل الدخول إلى صفحات التنظيم. يعمل مرة واحدة، لمدة 15 دقيقة.',
    'تسجيل الدخول',
    'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لا يمكن لأحد الدخول بدون الرابط.',
  ],
};

export const TEAM_LANGS = Object.keys(WORDS);

export function teamSignIn(event: OutboxEvent, siteUrl: string): Message | null {
  const {
    token,
    lang = 'en',
    person,
    page,
  } = (event.payload ?? {}) as {
    token?: string;
    lang?: string;
    person?: { email?: string };
    page?: string;
  };
  if (!token || !person?.email) return null;
  const [subject, body, label, notYou] = WORDS[lang] ?? WORDS.en;
  const path = page ?? signInPage('organizer', lang);
  return render(subject, [body, [label, `${siteUrl}${path}#signin=${token}`], notYou]);
}
