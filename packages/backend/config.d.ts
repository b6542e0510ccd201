export interface Config {
  dataMesh?: {
    // dataMesh.governanceGroups, which this portal's permission policy
    // (packages/backend/src/modules/permissionPolicy) reads, is declared by
    // the data-mesh backend plugin, which tells those groups of waiver
    // requests.
    examples?: {
      /**
       * The example portal's pipeline simulator
       * (`packages/backend/src/modules/examplePipelines.ts`): posts the measurements
       * of `directory` through the data mesh API every 30 minutes.
       */
      pipelines?: {
        enabled?: boolean;
        /** Relative to the backend's working directory. */
        directory?: string;
      };
    };
  };
}
