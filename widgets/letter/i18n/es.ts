/** The letter widget's Spanish strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { LetterMessages } from './en.ts';

export const es: LetterMessages = {
  letters: plural('es', { one: '{n} carta escrita', other: '{n} cartas escritas' }),
  find: 'Buscar a quién escribir',
  looking: 'Buscando…',
  unknownPostcode: 'No conocemos este código postal. Revísalo e inténtalo de nuevo.',
  noTargets: 'No hay nadie a quien escribir para este código postal.',
  lookupFailed: 'No pudimos buscar este código postal. Revisa tu conexión e inténtalo de nuevo.',
  choose: 'Tu código postal está en más de un distrito. ¿En cuál vives?',
  go: 'Continuar',
  to: 'Tu carta va dirigida a:',
  subject: 'Asunto',
  text: 'Tu carta',
  fixed: 'La carta se envía tal como está escrita.',
  own: (n) =>
    `Escríbela con tus propias palabras: al menos ${n} palabras tuyas. Las oficinas leen las cartas personales.`,
  too_similar: 'Escribe la carta con tus propias palabras: cambia más del texto sugerido.',
  submit: 'Enviar mi carta',
  checkEmail: 'Revisa tu correo: tu carta sale cuando la confirmes con el enlace que te enviamos.',
  queued: 'Parece que no tienes conexión. Tu carta se guardó en este dispositivo y se enviará automáticamente.',
  thanks: '¡Gracias por escribir!',
  duplicate: 'Ya has escrito: ¡gracias!',
  byHand: 'Esta oficina solo recibe cartas por su propio formulario. Copia tu carta y envíala allí:',
  copy: 'Copiar la carta',
  copied: 'Copiada.',
  form: 'Abrir el formulario oficial',
  share: 'Pide a tus amistades que escriban también:',
  loadFailed: 'No se pudo cargar esta campaña. Vuelve a cargar la página.',
  campaign_closed: 'Esta campaña está cerrada.',
  forbidden_origin: 'No se pueden enviar cartas desde esta página.',
};

export default es;
