import { ConflictError } from '@backstage/errors';
import type { ProductProvenance } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { ProvenanceStore } from './ProvenanceStore';
import { chunks } from './rows';

interface ProvenanceRow {
  entity_ref: string;
  template_ref: string;
  requested_at: string;
  task_id: string | null;
  recorded_by: string;
  recorded_at: string;
}

const toProvenance = (row: ProvenanceRow): ProductProvenance => ({
  entityRef: row.entity_ref,
  templateRef: row.template_ref,
  requestedAt: row.requested_at,
  ...(row.task_id ? { taskId: row.task_id } : {}),
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at,
});

/** The provenance store on the plugin's database (`product_provenance`). */
export class DatabaseProvenanceStore implements ProvenanceStore {
  constructor(private readonly db: Knex) {}

  async record(provenance: ProductProvenance): Promise<void> {
    const row: ProvenanceRow = {
      entity_ref: provenance.entityRef,
      template_ref: provenance.templateRef,
      requested_at: provenance.requestedAt,
      task_id: provenance.taskId ?? null,
      recorded_by: provenance.recordedBy,
      recorded_at: provenance.recordedAt,
    };
    await this.db('product_provenance')
      .insert(row)
      .onConflict('entity_ref')
      .ignore();
    const stored = await this.get(provenance.entityRef);
    const same =
      stored?.templateRef === provenance.templateRef &&
      stored.requestedAt === provenance.requestedAt &&
      (stored.taskId ?? null) === (provenance.taskId ?? null);
    if (!same) {
      throw new ConflictError(
        `The provenance of ${provenance.entityRef} is already recorded (${stored?.templateRef}, requested at ${stored?.requestedAt})`,
      );
    }
  }

  async get(entityRef: string): Promise<ProductProvenance | undefined> {
    const row = await this.db<ProvenanceRow>('product_provenance')
      .where({ entity_ref: entityRef })
      .first();
    return row ? toProvenance(row) : undefined;
  }

  async forProducts(
    entityRefs: string[],
  ): Promise<Map<string, ProductProvenance>> {
    const found = new Map<string, ProductProvenance>();
    for (const batch of chunks(entityRefs)) {
      const rows = await this.db<ProvenanceRow>('product_provenance').whereIn(
        'entity_ref',
        batch,
      );
      for (const row of rows) {
        found.set(row.entity_ref, toProvenance(row));
      }
    }
    return found;
  }
}
