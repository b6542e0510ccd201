/** One thing to tell about a product: its topic and what was seen. */
export interface NotificationClaim {
  topic: string;
  entityRef: string;
  /** What is notified, in words (a status change and its day, a waiver and its expiry). */
  fingerprint: string;
}

/**
 * What the plugin has notified, so that each thing is told once: a claim is
 * recorded if absent, and only the writer that recorded it sends. Sweeps,
 * re-scores and replicas sharing the database therefore send a notification
 * exactly once, whoever sees the change first. See
 * `DatabaseNotificationClaimStore`.
 */
export interface NotificationClaimStore {
  /**
   * Claims each of `claims` not claimed before; returns those this call
   * claimed (in the order given), which the caller alone may send.
   */
  claim<T extends NotificationClaim>(claims: T[], now: string): Promise<T[]>;

  /**
   * Forgets claims of conditions that ended (an error budget that is no
   * longer exhausted), so the next time they hold they are told again.
   */
  release(claims: NotificationClaim[]): Promise<void>;

  /** Deletes claims older than `before` (retention); returns how many. */
  deleteBefore(before: string): Promise<number>;
}
