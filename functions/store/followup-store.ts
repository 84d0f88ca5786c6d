/** Follow-ups as the store's domain verbs (store/followups.ts, followup-take.ts, followup-work.ts, followup-figures.ts). */
import type { FollowupChannel, NewFollowup, OutcomeInput } from '../../schema/followup.ts';
import { reachable } from './followup-rules.ts';
import type { Db, Row } from './db.ts';
import { followupFigures, volunteerFigures } from './followup-figures.ts';
import { takeBatch } from './followup-take.ts';
import * as work from './followup-work.ts';
import * as lists from './followups.ts';

export type { ContactRow } from './followups.ts';

export class FollowupStore {
  readonly #db: Db;
  /** Rebuilds running beside the takes: the store waits for them before it closes. */
  readonly #refreshing = new Set<Promise<void>>();
  constructor(db: Db) {
    this.#db = db;
  }

  create = (input: NewFollowup, createdBy: string, now = new Date()) =>
    lists.createFollowup(this.#db, input, createdBy, now);
  get = (id: string) => lists.followupById(this.#db, id);
  all = () => lists.allFollowups(this.#db);
  close = (id: string, now = new Date()) => lists.closeFollowup(this.#db, id, now);
  /** Rebuilds the list from its rule now (the dashboard's figures read it fresh). */
  refresh = (id: string, now = new Date()) => lists.refreshList(this.#db, id, now);
  figures = (id: string) => followupFigures(this.#db, id);
  volunteers = (id: string, names: (worker: string) => string) => volunteerFigures(this.#db, id, names);

  /**
   * Takes a batch. When the list was due to be rebuilt, the rebuild it started (null otherwise), in an object: the
   * caller does not wait for it (a host that stops work after the answer is told to let it finish:
   * routes/followup-work.ts).
   */
  take = async (id: string, worker: string, now = new Date()): Promise<{ rebuild: Promise<void> } | null> => {
    if (!(await takeBatch(this.#db, id, worker, now))) return null;
    const rebuild: Promise<void> = lists.refreshList(this.#db, id, now).finally(() => this.#refreshing.delete(rebuild));
    this.#refreshing.add(rebuild);
    return { rebuild };
  };
  /** Every rebuild started has ended (the store closes after this). */
  settled = async () => void (await Promise.allSettled([...this.#refreshing]));
  held = (id: string, worker: string, now = new Date()) => lists.heldContacts(this.#db, id, worker, now);
  release = (id: string, worker: string) => lists.releaseBatch(this.#db, id, worker);
  workload = (worker: string, now = new Date()) => lists.workload(this.#db, worker, now);

  workable = (contactId: string, worker: string, now = new Date()) => work.workable(this.#db, contactId, worker, now);
  contactExists = async (id: string) =>
    !!(await this.#db.get('SELECT 1 AS ok FROM followup_contacts WHERE id = ?', id));
  /** The worker's view of one contact's row (with the person's recent actions). */
  contactRow = async (row: Row) => (await lists.withRecent(this.#db, [row]))[0];
  recordOutcome = (contact: Row, input: OutcomeInput, worker: string, now = new Date()) =>
    work.recordOutcome(this.#db, contact, input, worker, now);
  reserveText = (contactId: string, key: string, body: string, worker: string, now = new Date()) =>
    work.reserveText(this.#db, contactId, key, body, worker, now);
  textSent = (messageId: string, contactId: string, sid: string, now = new Date()) =>
    work.textSent(this.#db, messageId, contactId, sid, now);
  textByKey = (contactId: string, key: string) => work.textByKey(this.#db, contactId, key);
  textsTo = (contactId: string) => work.textsTo(this.#db, contactId);
  /** The person can still be reached by `channel` (a phone, a standing consent). */
  reachable = async (supporterId: string, channel: FollowupChannel) => {
    const reach = reachable(channel);
    return !!(await this.#db.get(
      `SELECT 1 AS ok FROM supporters s WHERE s.id = ? AND ${reach.where}`,
      supporterId,
      ...reach.params,
    ));
  };
  textFailed = (messageId: string) => work.textFailed(this.#db, messageId);
  messages = (contactId: string) => work.messagesOf(this.#db, contactId);
  closeContact = (contactId: string) => work.closeContact(this.#db, contactId);
  inbound = (phone: string, body: string, sid: string, revokes: boolean, now = new Date()) =>
    work.inboundText(this.#db, phone, body, sid, revokes, now);
  status = (sid: string, status: string) => work.textStatus(this.#db, sid, status);
}
