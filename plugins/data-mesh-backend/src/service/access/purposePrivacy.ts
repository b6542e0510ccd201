/** Who may read private purposes, as one caller's listing found out. */
export interface PurposeReaders {
  /** The caller, who reads the purposes of their own requests. */
  actor: string;
  /** Products on which the caller decides access (owners, approvers). */
  approvable: Set<string>;
  /** Governance (`data-mesh.access.audit`) reads every purpose. */
  governance: boolean;
}

/** A request or agreement as listed. */
interface WithPurpose {
  product: string;
  purpose?: string;
  purposeShareable: boolean;
  requestedBy?: string;
}

/**
 * Whether the caller may read the purpose: it was marked shareable, or the
 * caller requested it, decides access to its product, or is governance.
 */
export function mayReadPurpose(item: WithPurpose, readers: PurposeReaders) {
  return (
    item.purposeShareable ||
    readers.governance ||
    item.requestedBy === readers.actor ||
    readers.approvable.has(item.product)
  );
}

/** The items as the caller may see them: private purposes left out. */
export function withoutPrivatePurposes<T extends WithPurpose>(
  items: T[],
  readers: PurposeReaders,
): T[] {
  return items.map(item => {
    if (mayReadPurpose(item, readers)) return item;
    const { purpose: _hidden, ...rest } = item;
    return rest as T;
  });
}
