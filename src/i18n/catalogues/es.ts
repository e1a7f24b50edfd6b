// Spanish strings of the main bundle, loaded when a page needs them (English is built in): see ../catalogue.ts.
import type { Messages } from '../messages.js';
import type { ViewMessages } from '../../views/messages.js';
import { lowerFirst } from '../messages.js';
import { one } from '../../views/messages.js';

export const messages: Messages = {
  overview: 'Resumen',
  reportVulnerability: 'Notificar una vulnerabilidad',
  trustCenterNav: 'Centro de confianza',
  policiesHeading: 'Políticas',
  complianceHeading: 'Cumplimiento normativo',
  lastUpdated: 'Última actualización:',
  onThisPage: 'En esta página',
  changeHistory: 'Historial de cambios',
  loading: 'Cargando el centro de confianza…',
  loadingPolicy: 'Cargando la política…',
  retry: 'Reintentar',
  readPolicy: (title) => `Leer la política «${title}»`,
  loadFailed: 'No se ha podido cargar el centro de confianza.',
  policyLoadFailed: 'No se ha podido cargar esta política.',
  manifestProblems: 'Se han encontrado problemas en el manifiesto:',
  noSrc: 'No hay manifiesto: indique en el atributo src la URL de un archivo manifest.json.',
  unknownPolicy: (id) => `Este centro de confianza no contiene ninguna política «${id}».`,
  complianceStatus: {
    certified: 'Certificado',
    'in-progress': 'En curso',
    aligned: 'Alineado',
    planned: 'Previsto',
  },
  languageFallback: (requested, shown) =>
    `Esta política no está disponible en ${lowerFirst(requested, 'es')}; se muestra en ${lowerFirst(shown, 'es')}.`,
  staleCopy: (savedOn) =>
    `No se ha podido acceder al centro de confianza; se muestra la copia guardada en su navegador el ${savedOn}. Puede que no esté actualizada.`,
};

export const view: ViewMessages = {
  nav: { subprocessors: 'Subencargados', faq: 'Preguntas frecuentes', documents: 'Documentos', updates: 'Actualizaciones' },
  search: { label: 'Buscar en el centro de confianza', button: 'Buscar' },
  overview: {
    sectionsHeading: 'En este centro de confianza',
    subprocessors: (count) =>
      one('es', count)
        ? 'La empresa que trata datos por cuenta nuestra, y dónde.'
        : `Las ${count} empresas que tratan datos por cuenta nuestra, y dónde.`,
    faq: (count) => (one('es', count) ? 'Respuesta a una pregunta frecuente.' : `Respuestas a ${count} preguntas frecuentes.`),
    documents: (count) =>
      `${one('es', count) ? 'Un informe' : `${count} informes y documentos`} para descargar o solicitar.`,
    updates: 'Qué ha cambiado en nuestras políticas, y cuándo.',
    recentUpdates: 'Actualizaciones recientes',
    allUpdates: 'Todas las actualizaciones',
    requestDocuments: 'Solicitar documentos',
    subscribe: 'Suscribirse a las actualizaciones',
    contact: 'Contacto de seguridad',
    key: 'Clave OpenPGP',
    fingerprint: 'Huella digital',
  },
  compliance: {
    expired: 'Caducado',
    scope: 'Alcance:',
    audited: 'Auditado el',
    validUntil: 'Válido hasta el',
    expiredOn: 'Caducó el',
    requestReport: 'Solicitar el informe',
    downloadReport: 'Descargar el informe',
  },
  loadingView: 'Cargando esta sección…',
  viewLoadFailed: 'No se ha podido cargar esta sección.',
  compareWithPrevious: 'Comparar con la versión anterior',
  imageNotShown: 'imagen no mostrada',
};
