/**
 * Imported first by the fault scenarios' server entries: a module hook that gives the two dialect files
 * (functions/store/sqlite.ts, postgres.ts) faulty-engine.ts for their `./engine.ts`, so that the store they open
 * runs over `faultyDb` (LADDER_FAULTS). Production code has no seam for this.
 */
import { registerHooks } from 'node:module';

const faultyEngine = new URL('./faulty-engine.ts', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, next) =>
    next(
      specifier === './engine.ts' && /\/functions\/store\/(sqlite|postgres)\.ts$/.test(context.parentURL ?? '')
        ? faultyEngine
        : specifier,
      context,
    ),
});
