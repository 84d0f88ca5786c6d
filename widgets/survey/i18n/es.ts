/** The survey's Spanish strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { SurveyMessages } from './en.ts';

const waiting = plural('es', { one: '{n} respuesta por sincronizar', other: '{n} respuestas por sincronizar' });

export const es: SurveyMessages = {
  submit: 'Enviar mis respuestas',
  record: 'Guardar esta respuesta',
  back: 'Atrás',
  forward: 'Siguiente',
  page: 'Página {n} de {total}',
  optional: '(opcional)',
  yes: 'Sí',
  no: 'No',
  lastPage: 'Último paso',
  aboutYou: 'Sobre ti',
  anonymous: 'Puedes dejar estos campos vacíos para responder de forma anónima.',
  share: 'Pide a tus vecinos que respondan también:',
  loadFailed: 'No se pudo cargar esta encuesta. Vuelve a cargar la página.',
  thanks: '¡Gracias por tus respuestas!',
  checkEmail: 'Ya casi: revisa tu correo',
  checkEmailHint: 'Te enviamos un enlace. Tus respuestas cuentan cuando lo abras (en un plazo de 7 días).',
  duplicate: 'Ya habías respondido esta encuesta. ¡Gracias!',
  results: 'Ver lo que dijo la comunidad',
  queued:
    'Parece que no tienes conexión. Tus respuestas están guardadas en este dispositivo y se enviarán automáticamente.',
  campaign_closed: 'Esta encuesta está cerrada.',
  forbidden_origin: 'Esta encuesta no se puede responder en esta página.',
  canvasser: 'Tu nombre (quien encuesta)',
  turf: 'Zona o barrio',
  start: 'Empezar a encuestar',
  canvassing: 'Encuestando como {name}',
  change: 'Cambiar',
  recorded: 'Respuesta guardada. Lista para la siguiente persona.',
  pending: (count, n) => (count ? waiting(count, n) : 'Todas las respuestas están sincronizadas.'),
  failed: plural('es', { one: 'El servidor rechazó {n} respuesta.', other: 'El servidor rechazó {n} respuestas.' }),
};

export default es;
