/** The petition's Spanish strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { PetitionMessages } from './en.ts';

export const es: PetitionMessages = {
  comment: 'Comentario (opcional)',
  submit: 'Firmar la petición',
  loadFailed: 'No se pudo cargar esta petición. Vuelve a cargar la página.',
  to: 'Para:',
  signatures: plural('es', { one: '{n} firma', other: '{n} firmas' }),
  goal: (_count, n) => `Meta: ${n}`,
  thanks: '¡Gracias por firmar!',
  checkEmail: 'Ya casi: revisa tu correo',
  checkEmailHint: 'Te enviamos un enlace. Tu firma cuenta cuando lo abras (en un plazo de 7 días).',
  duplicate: 'Ya habías firmado esta petición. ¡Gracias!',
  queued: 'Parece que no tienes conexión. Tu firma está guardada en este dispositivo y se enviará automáticamente.',
  campaign_closed: 'Esta petición está cerrada.',
  forbidden_origin: 'Esta petición no se puede firmar en esta página.',
};

export default es;
