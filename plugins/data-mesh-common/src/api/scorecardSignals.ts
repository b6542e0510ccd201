/**
 * What the data-mesh backend publishes through Backstage Signals when a
 * product's stored scorecard changes: the product's ref, nothing more. A
 * page showing the scorecard reads it again.
 * @public
 */
export interface ScorecardUpdatedMessage {
  entityRef: string;
}

/**
 * The Signals channel announcing changes of one product's scorecard
 * (`data-mesh:scorecard:<entity ref>`, lower case: refs compare without
 * regard to case).
 * @public
 */
export function scorecardSignalChannel(entityRef: string): string {
  return `data-mesh:scorecard:${entityRef.toLocaleLowerCase('en-US')}`;
}
