/** Spanish, shared strings. Loaded only when a widget speaks it. */
import type { CoreMessages } from './en.ts';

export const es: CoreMessages = {
  givenName: 'Nombre',
  familyName: 'Apellidos',
  email: 'Correo electrónico',
  postcode: 'Código postal',
  remember: 'Recordarme en este dispositivo',
  sending: 'Enviando…',
  fix: 'Corrige los campos marcados, por favor.',
  share: 'Pide a tus amistades que firmen también:',
  next: 'Siguiente paso:',
  required: 'Este campo es obligatorio.',
  invalid_email: 'Escribe un correo como nombre@ejemplo.org.',
  invalid_postcode: 'Escribe un código postal válido.',
  invalid_phone: 'Escribe un teléfono con su prefijo.',
  too_long: 'Es demasiado largo.',
  invalid_characters: 'Contiene caracteres no permitidos.',
  invalid: 'Este valor no es válido.',
  rate_limited: 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  disposable_email: 'Usa un correo que conserves, no uno desechable.',
  honeypot: 'Deja esto vacío',
  error: 'Algo salió mal. Inténtalo de nuevo.',
};

export default es;
