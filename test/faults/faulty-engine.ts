/**
 * Loaded instead of functions/store/engine.ts by the two dialect files when test/faults/server.ts runs (a module
 * hook redirects their import): the real store over the real driver, wrapped by `faultyDb` as LADDER_FAULTS says.
 * Production code has no seam for this.
 */
import type { Db } from '../../functions/store/db.ts';
import { SqlStore as RealStore } from '../../functions/store/engine.ts';
import { faultyDb, planFrom } from './faulty-db.ts';

export class SqlStore extends RealStore {
  constructor(db: Db) {
    super(faultyDb(db, planFrom(process.env.LADDER_FAULTS)));
  }
}
