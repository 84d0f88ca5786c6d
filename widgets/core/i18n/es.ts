/** Spanish. Loaded only when a widget speaks it, so it adds nothing to the English bundle. */
import type { Messages } from './en.ts';

export const es: Messages = {
  givenName: 'Nombre',
  familyName: 'Apellidos',
  email: 'Correo electrónico',
  postcode: 'Código postal',
  comment: 'Comentario (opcional)',
  remember: 'Recordarme en este dispositivo',
  submit: 'Firmar la petición',
  sending: 'Enviando…',
  loadFailed: 'No se pudo cargar esta petición. Vuelve a cargar la página.',
  to: 'Para:',
  signatures: (count, n) => (count === 1 ? `${n} firma` : `${n} firmas`),
  goal: (_count, n) => `Meta: ${n}`,
  fix: 'Corrige los campos marcados, por favor.',
  thanks: '¡Gracias por firmar!',
  duplicate: 'Ya habías firmado esta petición. ¡Gracias!',
  queued: 'Parece que no tienes conexión. Tu firma está guardada en este dispositivo y se enviará automáticamente.',
  share: 'Pide a tus amistades que firmen también:',
  next: 'Siguiente paso:',
  required: 'Este campo es obligatorio.',
  invalid_email: 'Escribe un correo como nombre@ejemplo.org.',
  invalid_postcode: 'Escribe un código postal válido.',
  too_long: 'Es demasiado largo.',
  invalid_characters: 'Contiene caracteres no permitidos.',
  invalid: 'Este valor no es válido.',
  campaign_closed: 'Esta petición está cerrada.',
  forbidden_origin: 'Esta petición no se puede firmar en esta página.',
  rate_limited: 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  error: 'Algo salió mal. Inténtalo de nuevo.',
};

export default es;
