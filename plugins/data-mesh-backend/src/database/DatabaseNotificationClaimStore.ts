import { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import {
  NotificationClaim,
  NotificationClaimStore,
} from './NotificationClaimStore';
import { transactionWithRetry } from './rowLocks';
import { chunks } from './rows';

/** The stored key of a claim: its fingerprint is hashed to fit the column. */
const keyOf = (claim: NotificationClaim) => ({
  topic: claim.topic,
  entity_ref: claim.entityRef,
  fingerprint: createHash('sha256').update(claim.fingerprint).digest('hex'),
});

const KEY = ['topic', 'entity_ref', 'fingerprint'];

const idOf = (key: {
  topic: string;
  entity_ref: string;
  fingerprint: string;
}) => `${key.topic}\u0000${key.entity_ref}\u0000${key.fingerprint}`;

/** The notification claim store on the plugin's database (`notification_claims`). */
export class DatabaseNotificationClaimStore implements NotificationClaimStore {
  constructor(private readonly db: Knex) {}

  async claim<T extends NotificationClaim>(
    claims: T[],
    now: string,
  ): Promise<T[]> {
    if (claims.length === 0) {
      return [];
    }
    const claimId = randomUUID();
    const mine = new Set<string>();
    const unique = new Map(claims.map(c => [idOf(keyOf(c)), c]));
    // Rows are inserted in key order, so that writers claiming the same
    // things lock them in one order; a deadlock is retried all the same.
    const rows = [...unique.values()]
      .map(c => ({ ...keyOf(c), claim_id: claimId, claimed_at: now }))
      .sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
    for (const batch of chunks(rows)) {
      await transactionWithRetry(this.db, tx =>
        tx('notification_claims').insert(batch).onConflict(KEY).ignore(),
      );
    }
    const won = await this.db('notification_claims')
      .where({ claim_id: claimId })
      .select(KEY);
    for (const row of won) {
      mine.add(idOf(row));
    }
    return [...unique.entries()]
      .filter(([id]) => mine.has(id))
      .map(([, claim]) => claim);
  }

  async release(claims: NotificationClaim[]): Promise<void> {
    for (const batch of chunks(claims)) {
      await this.db('notification_claims')
        .whereIn(
          KEY,
          batch.map(c => {
            const key = keyOf(c);
            return [key.topic, key.entity_ref, key.fingerprint];
          }),
        )
        .delete();
    }
  }

  async deleteBefore(before: string): Promise<number> {
    return this.db('notification_claims')
      .where('claimed_at', '<', before)
      .delete();
  }
}
