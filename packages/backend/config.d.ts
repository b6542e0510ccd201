export interface Config {
  dataMesh?: {
    /**
     * The groups whose members govern the data mesh in this portal's
     * permission policy (`packages/backend/src/modules/permissionPolicy`):
     * they may dry-run policy packs, approve waivers, and request waivers and
     * post measurements for any product. Everyone else may only request
     * waivers and post measurements for the products they own.
     *
     * Group entity refs, for example `group:default/data-governance`; a
     * user is a member when the ref is among the ownership refs of their
     * sign-in. Without it, nobody governs.
     */
    governanceGroups?: string[];
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
