/**
 * `npm start`'s server (functions/adapters/node.ts: the built site, the widgets and the API) over a faulty store,
 * for the browser's fault scenarios: the same environment, plus LADDER_FAULTS.
 */
import './hooks.ts';

await import('../../functions/adapters/node.ts');
