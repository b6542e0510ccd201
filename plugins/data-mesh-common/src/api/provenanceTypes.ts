/** What a template run recorded when it created a product. @public */
export interface ProvenanceRecord {
  /** The Template entity that created the product. */
  templateRef: string;
  /** When the template run was requested (ISO date-time). */
  requestedAt: string;
  /** The scaffolder task. */
  taskId?: string;
}

/**
 * How a product came to be, as the suite recorded it: the evidence the
 * self-serve and time-to-data KPIs count (annotations are never counted).
 * @public
 */
export interface ProductProvenance extends ProvenanceRecord {
  entityRef: string;
  /** The service that recorded it, for example `plugin:scaffolder`. */
  recordedBy: string;
  recordedAt: string;
}
