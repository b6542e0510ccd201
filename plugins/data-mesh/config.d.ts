export interface Config {
  dataMesh?: {
    access?: {
      /**
       * The purposes a request for PII may give, which the data-mesh backend
       * checks requests against. The access request form offers them as a
       * list when a request reaches PII.
       * @visibility frontend
       */
      piiPurposes?: string[];
    };
  };
}
