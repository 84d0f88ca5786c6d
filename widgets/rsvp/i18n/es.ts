/** The RSVP's Spanish strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { RsvpMessages } from './en.ts';

const places = plural('es', { one: 'Queda {n} plaza de {t}', other: 'Quedan {n} plazas de {t}' });

export const es: RsvpMessages = {
  phone: 'Teléfono (opcional)',
  sms: 'Envíame recordatorios de este evento por SMS',
  guests: 'Acompañantes',
  shift: 'Elige un horario',
  submit: 'Confirmar asistencia',
  waitlist: 'Apuntarme a la lista de espera',
  full: 'Completo: las nuevas confirmaciones van a la lista de espera.',
  left: (count, n, total) => places(count, n).replace('{t}', total),
  host: 'Organiza',
  online: 'Unirse en línea',
  atEvent: 'En el lugar del evento:',
  loadFailed: 'No se pudo cargar este evento. Vuelve a cargar la página.',
  going: '¡Vas a ir!',
  waitlisted: 'Estás en la lista de espera. Te avisaremos si se libera una plaza.',
  queued:
    'Parece que no tienes conexión. Tu confirmación está guardada en este dispositivo y se enviará automáticamente.',
  calendar: 'Añádelo a tu calendario:',
  ics: 'Archivo de calendario (.ics)',
  manage: 'Cambiar o cancelar tu confirmación',
  share: 'Invita a tus amistades:',
  campaign_closed: 'Este evento ya no admite confirmaciones.',
  forbidden_origin: 'No puedes confirmar tu asistencia a este evento en esta página.',
};

export default es;
