/** The call widget's Spanish strings. */
import { plural } from '../../core/i18n/plural.ts';
import type { CallMessages } from './en.ts';

export const es: CallMessages = {
  calls: plural('es', { one: '{n} llamada hecha', other: '{n} llamadas hechas' }),
  find: 'Buscar a quién llamar',
  looking: 'Buscando…',
  optional: 'Mantente en contacto (opcional)',
  unknownPostcode: 'No conocemos este código postal. Revísalo e inténtalo de nuevo.',
  unknownNote: 'No conocemos este código postal; estas son las personas a las que todos pueden llamar.',
  noTargets: 'No hay nadie a quien llamar para este código postal.',
  lookupFailed: 'No pudimos buscar este código postal. Revisa tu conexión e inténtalo de nuevo.',
  choose: 'Tu código postal está en más de un distrito. ¿En cuál vives?',
  go: 'Continuar',
  progress: (done, total) => `Llamada ${done} de ${total}`,
  again: 'Antes no estaba disponible: vuelve a intentarlo ahora.',
  say: 'Qué decir',
  offices: 'Oficinas',
  outcome: '¿Cómo te fue?',
  contact: 'Hablé con alguien',
  voicemail: 'Dejé un mensaje de voz',
  unavailable: 'No contestan: más tarde',
  skipped: 'Saltar',
  queuedCall:
    'Parece que no tienes conexión. Tu llamada está guardada en este dispositivo y se enviará automáticamente.',
  thanks: '¡Gracias por llamar!',
  totals: 'Llamadas de esta campaña hasta ahora:',
  share: 'Pide a tus amistades que llamen también:',
  total_contact: 'Hablaron con alguien',
  total_voicemail: 'Dejaron un mensaje',
  total_unavailable: 'Sin respuesta',
  total_skipped: 'Saltadas',
  loadFailed: 'No se pudo cargar esta campaña. Vuelve a cargar la página.',
  campaign_closed: 'Esta campaña está cerrada.',
  forbidden_origin: 'Las llamadas no se pueden registrar en esta página.',
};

export default es;
