/** The organizer pages in Spanish. */
import { plural } from '../../../../widgets/core/i18n/plural.ts';
import type { DashboardStrings } from './types.ts';

const deliveries = plural('es', { one: '{n} envío', other: '{n} envíos' });

const es: DashboardStrings = {
  comma: ', ',
  listSeparator: '; ',
  title: 'Organizar',
  description: 'El panel de quienes organizan las campañas de Ladder.',
  noscript: 'El panel necesita JavaScript.',
  dashboard: 'Panel',
  refresh: 'Actualizar',
  signOut: 'Cerrar sesión',
  sectionsNav: 'Secciones del panel',
  sections: {
    ladder: { title: 'La escalera', intro: 'Cuántas personas hay en cada escalón y cuándo llegaron.' },
    campaigns: {
      title: 'Campañas',
      intro:
        'Acciones hasta hoy frente a la meta de cada campaña (línea discontinua) y su fecha límite (línea roja). Las exportaciones son CSV.',
    },
    partners: { title: 'Aliados y fuentes', intro: 'Qué páginas y enlaces trajeron a la gente.' },
    events: {
      title: 'Eventos',
      intro: 'Asistencias confirmadas frente a quién vino. Tasa de ausencia = 1 − vinieron / confirmadas.',
    },
    calls: { title: 'Llamadas', intro: 'Lo que contaron quienes llamaron, por persona a la que llamaron.' },
    recruiters: { title: 'Reclutadores', intro: 'Personas cuyos enlaces para compartir trajeron a otras.' },
    delivery: { title: 'Envíos', intro: 'Si las acciones llegaron a las herramientas a las que se envían.' },
    people: {
      title: 'Buscar a una persona',
      intro: 'Busca a alguien por su correo, mira su historial o bórralo.',
    },
  },

  signIn: {
    title: (opens) => `Inicia sesión en ${opens}`,
    dashboard: 'el panel',
    help: [
      'Pega el token de administración: el valor de',
      'en el servidor. Solo se guarda en esta pestaña del navegador y se olvida al cerrarla.',
    ],
    label: 'Token de administración',
    button: 'Iniciar sesión',
    checking: 'Comprobando…',
    pasteFirst: 'Primero pega el token de administración.',
    savedTokenGone: 'El token guardado ya no funciona.',
  },

  api: {
    unauthorized:
      'El servidor no aceptó este token. Pega el token de administración tal como está en LADDER_ADMIN_TOKEN en el servidor.',
    notFound: 'No encontrado.',
    tooMany: 'Demasiadas solicitudes: espera un minuto y vuelve a intentarlo.',
    status: (status) => `El servidor respondió ${status}. Vuelve a intentarlo en un momento.`,
    offline: 'No se puede conectar con el servidor. Revisa la conexión y vuelve a intentarlo.',
  },

  loading: 'Cargando…',
  updatedAt: (time) => `Actualizado a las ${time}.`,
  couldNotShow: (reason) => `No se pudo mostrar el panel: ${reason}`,
  downloadCsv: 'Descargar el CSV',
  ofCampaign: (name) => ` de ${name}`,
  preparingCsv: 'Preparando el CSV…',
  downloaded: (file) => `Se descargó ${file}.`,

  showNumbers: 'Ver las cifras',
  note: 'Nota',
  day: 'Día',
  goal: 'Meta',
  deadline: 'Fecha límite',

  rungs: {
    contact: 'Contacto',
    supporter: 'Simpatizante',
    participant: 'Participante',
    volunteer: 'Voluntario/a',
    leader: 'Líder',
  },
  rungsChart: 'Personas en cada escalón hoy',
  rungsSummary: (total, top, topCount, each) =>
    `${total} personas en total; la mayoría está en «${top}» (${topCount}). ${each}.`,
  rungHeader: 'Escalón',
  peopleHeader: 'Personas',
  rungsEmpty: 'Nadie todavía: la escalera se llena a medida que la gente actúa.',
  movementChart: 'Llegadas a cada escalón, por día',
  movementSummary: (days, from, to, reached) => `En ${days} días (del ${from} al ${to}): ${reached}.`,
  reachedRung: (n, rung) => `${n} llegaron a ${rung.toLowerCase()}`,
  movementEmpty: 'Todavía no hay movimiento.',

  actionsBy: (actions, people) => `${actions} acciones de ${people} personas`,
  ofGoal: (percent, goal) => `${percent} de la meta de ${goal}`,
  daysLeft: (deadline, days) => `fecha límite ${deadline}, quedan ${days} días`,
  deadlinePassed: (deadline) => `la fecha límite (${deadline}) ya pasó`,
  lastWeek: (n) => `${n} en los últimos 7 días`,
  actionsThatDay: 'Acciones ese día',
  actionsSoFar: 'Acciones hasta la fecha',

  partnersChart: 'Acciones por página aliada',
  partnersSummary: (actions, pages, top, topCount) =>
    `${actions} acciones desde ${pages} páginas; la mayoría desde ${top} (${topCount}).`,
  partnerHeader: 'Página (origen)',
  actionsHeader: 'Acciones',
  noActions: 'Todavía no hay acciones.',
  noPage: 'Sin página (desde un servidor o una app)',
  others: (n) => `${n} más`,
  sourcesChart: 'Acciones por fuente (?source= en el enlace)',
  sourcesSummary: (top, topCount) => `La mayoría desde «${top}» (${topCount}).`,
  sourceHeader: 'Fuente',
  noSource: 'Sin fuente',

  eventsChart: 'Asistencias confirmadas y presentes por evento',
  eventsSummary: (confirmed, came, flake) =>
    `${confirmed} asistencias confirmadas, ${came} vinieron${flake === null ? '' : `: una tasa de ausencia del ${flake}`}.`,
  eventCame: (event, came, confirmed, note) => `${event}: vinieron ${came} de ${confirmed} (${note})`,
  eventHeader: 'Evento',
  confirmedHeader: 'Asistencias confirmadas',
  eventsEmpty: 'Todavía no hay confirmaciones.',
  came: 'Vinieron',
  notCome: 'No vinieron (aún)',
  noRsvps: 'sin confirmaciones aún',
  flakeRate: (percent) => `tasa de ausencia ${percent}`,
  checkInFor: (event) => `Registro de llegada de ${event}`,

  callsChart: 'Resultados de las llamadas por destinatario',
  callsSummary: (calls, reached) => `${calls} llamadas; hablaron con alguien ${reached} veces.`,
  targetHeader: 'Destinatario',
  callsHeader: 'Llamadas',
  callsEmpty: 'Todavía no hay llamadas.',
  outcomes: {
    contact: 'Habló con alguien',
    voicemail: 'Buzón de voz',
    unavailable: 'No disponible',
    skipped: 'Omitida',
  },

  recruitersChart: 'Quién trajo a más personas',
  recruitersSummary: (people, top, topCount) =>
    `${people} personas reclutaron a otras; ${top} trajo a más (${topCount}).`,
  supporterHeader: 'Persona',
  recruitedHeader: 'Personas reclutadas',
  recruitersEmpty: 'Nadie ha reclutado todavía a nadie con un enlace para compartir.',
  erasedSupporter: 'Persona borrada',

  delivery: {
    chart: 'Envíos por destino',
    summary: (sinks, waiting, dead) => `${sinks} destinos; ${waiting} envíos en espera, ${dead} fallidos sin remedio.`,
    destination: 'Destino',
    events: 'Eventos',
    nothingYet: 'Todavía no hay nada que enviar.',
    noSinks: 'No hay destinos configurados (webhooks, Action Network, correo, SMS): nada sale del servidor.',
    delivered: 'Entregados',
    waiting: 'En espera',
    dead: 'Fallidos sin remedio',
    oldest: (at) => `el más antiguo espera desde ${at}`,
    failedTitle: 'Envíos fallidos',
    failed: (attempts, at) => `falló ${attempts} veces, la última el ${at}.`,
    to: 'a',
    none: 'Ninguno: cada envío se entregó o se sigue intentando.',
    redeliver: 'Reenviar',
    redelivered: (id, n, count) => `El evento ${id} se enviará de nuevo (${deliveries(n, count)}).`,
  },

  people: {
    email: 'Correo electrónico',
    lookUp: 'Buscar',
    typeEmail: 'Primero escribe un correo electrónico.',
    nobody: (email) => `No hay nadie con el correo ${email}.`,
    erased: (name, email) => `Se borró a ${name} (${email}).`,
    phone: 'Teléfono',
    postcode: 'Código postal',
    rung: 'Escalón',
    setByOrganizer: ' (fijado por quien organiza)',
    recruited: 'Reclutó',
    tags: 'Etiquetas',
    none: 'ninguna',
    firstSeen: 'Primera vez',
    timeline: 'Historial',
    kinds: { signature: 'Firmó', response: 'Respondió la encuesta', rsvp: 'Confirmó asistencia', call: 'Llamó' },
    rsvpStatus: { confirmed: 'confirmada', waitlisted: 'en lista de espera', cancelled: 'cancelada' },
    cameToo: ', vino',
    from: (origin) => `desde ${origin}`,
    via: (source) => `vía ${source}`,
    reachedRung: (rung) => `Llegó al escalón «${rung}»`,
    eraseTitle: (name) => `¿Borrar a ${name} para siempre?`,
    eraseWarning:
      'Se eliminan su nombre, sus datos de contacto, sus confirmaciones y su historial, y nunca se vuelven a enviar. Los recuentos se mantienen. No se puede deshacer.',
    eraseYes: (email) => `Sí, borrar ${email}`,
    cancel: 'Cancelar',
    eraseStart: 'Borrar a esta persona…',
  },
};

export default es;
