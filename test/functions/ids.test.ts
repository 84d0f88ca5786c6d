/** Ids are UUIDv7 and sort in the order they were made, also many within one millisecond. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { newId } from '../../functions/store/ids.ts';

describe('newId', () => {
  it('makes valid, unique UUIDv7s that sort in the order they were made', () => {
    const ids = Array.from({ length: 20_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    // 20,000 ids take a few milliseconds at most: thousands share one, and still sort as made.
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    // Ahead only by what a burst of over 4,096 ids in one millisecond borrowed from the next ones.
    expect(ms).toBeLessThanOrEqual(Date.now() + 50);
  });
});
