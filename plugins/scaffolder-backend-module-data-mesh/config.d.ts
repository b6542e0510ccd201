import { HumanDuration } from '@backstage/types';

export interface Config {
  dataMesh?: {
    /**
     * Self-serve data products: the local publishing of
     * `datamesh:publish:local`, for portals without a git host. Real portals
     * publish with `publish:*` actions and `catalog:register` instead.
     */
    selfServe?: {
      /**
       * Folder that receives one sub-folder per published product, relative
       * to the backend's working directory (like catalog file locations).
       * Defaults to `self-serve-products`.
       */
      localPublishDir?: string;
      /**
       * Entity ref of the catalog Location that reads
       * `<localPublishDir>/*\/catalog-info.yaml`; refreshed after each
       * publication. Defaults to `location:default/self-serve-products`.
       */
      catalogLocation?: string;
      /**
       * How long a run waits for the catalog to ingest a published product
       * before it fails and removes it. Defaults to 60 seconds.
       */
      ingestionTimeout?: HumanDuration | string;
    };
  };
}
