/** The name part of an entity ref: `group:default/order-team` → `order-team`. */
export function refName(ref: string): string {
  return ref.replace(/^[^:/]+:/, '').replace(/^[^/]+\//, '');
}

/** Whether a port's contract is the path of an ODCS file (`*.odcs.yaml`), not a URL. */
export function isOdcsPath(contract: string | undefined): contract is string {
  return (
    !!contract &&
    !/^[a-z][a-z0-9+.-]*:/i.test(contract) &&
    /\.odcs\.(ya?ml|json)$/i.test(contract)
  );
}
