import { configApiRef, useApi } from '@backstage/core-plugin-api';

/**
 * The purposes a request for PII may give (`dataMesh.access.piiPurposes`,
 * which the backend checks requests against).
 */
export function usePiiPurposes(): string[] {
  const config = useApi(configApiRef);
  return config.getOptionalStringArray('dataMesh.access.piiPurposes') ?? [];
}
