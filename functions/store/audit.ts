/**
 * The audit log: who (an account's email or an API token's name) did what (an export, an erasure, a supporter
 * lookup, a rung or tag change, a role change…), when, from which address. A target is a campaign's slug or an id,
 * never a supporter's personal data.
 */
import type { AuditEntry } from '../../schema/team.ts';
import { type Db, readTime } from './db.ts';
import { newId } from './ids.ts';

export async function audit(db: Db, entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
  await db.run(
    'INSERT INTO audit_log (id, at, actor, action, target, address) VALUES (?, ?, ?, ?, ?, ?)',
    newId(),
    new Date().toISOString(),
    entry.actor,
    entry.action,
    entry.target,
    entry.address,
  );
}

/** The latest entries, newest first. */
export async function auditLog(db: Db, limit: number): Promise<AuditEntry[]> {
  const rows = await db.all('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', limit);
  return rows.map((row) => ({
    id: String(row.id),
    at: readTime(row.at),
    actor: String(row.actor),
    action: String(row.action),
    target: row.target == null ? null : String(row.target),
    address: row.address == null ? null : String(row.address),
  }));
}
