/** Which database errors the API answers with 503 (retry) rather than 500: the codes drivers really use. */
import { describe, expect, it } from 'vitest';
import { isTransient } from '../../functions/store/transient.ts';
import { DRIVER_ERRORS } from './faulty-db.ts';

const sqlite = (errcode: number) => Object.assign(new Error('sqlite'), { code: 'ERR_SQLITE_ERROR', errcode });
const postgres = (code: string) => Object.assign(new Error('postgres'), { name: 'DatabaseError', code });

describe('isTransient', () => {
  it('takes locks, lost connections and serialization failures for transient', () => {
    for (const error of Object.values(DRIVER_ERRORS)) expect(isTransient(error())).toBe(true);
    // SQLITE_BUSY_SNAPSHOT (517) and SQLITE_LOCKED_SHAREDCACHE (262): extended codes of BUSY and LOCKED.
    for (const code of [5, 6, 517, 262]) expect(isTransient(sqlite(code))).toBe(true);
    for (const code of ['40001', '40P01', '55P03', '57014', '25P03', '57P01', '08006', '08003'])
      expect(isTransient(postgres(code))).toBe(true);
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE']) {
      expect(isTransient(Object.assign(new Error('socket'), { code }))).toBe(true);
    }
  });

  it('leaves every other error a 500: constraints, syntax, bugs', () => {
    // SQLITE_CONSTRAINT (19), SQLITE_CONSTRAINT_UNIQUE (2067), SQLITE_CORRUPT (11).
    for (const code of [19, 2067, 11]) expect(isTransient(sqlite(code))).toBe(false);
    for (const code of ['23505', '42601', '22P02']) expect(isTransient(postgres(code))).toBe(false);
    for (const error of [new TypeError('x is undefined'), null, undefined, 'a string']) {
      expect(isTransient(error)).toBe(false);
    }
  });
});
