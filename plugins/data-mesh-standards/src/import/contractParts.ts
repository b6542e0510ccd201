import type { EntityLink } from '@backstage/catalog-model';
import type {
  DataProductAccess,
  DataProductPort,
  DataProductSchema,
  DataProductSlo,
  DataQualityTest,
  DataProductType,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** What a contract gives the entity, before the product's own fields take precedence. */
export interface ContractParts {
  id?: string;
  name?: string;
  version?: string;
  /** From the `productType` custom property. */
  type?: DataProductType;
  lifecycle?: string;
  domain?: string;
  owner?: string;
  description?: string;
  tags?: string[];
  /** `authoritativeDefinitions` and `support` channels, as entity links. */
  links?: EntityLink[];
  /** One port per server. */
  ports: DataProductPort[];
  schema?: DataProductSchema;
  slo?: DataProductSlo;
  tests?: DataQualityTest[];
  access?: DataProductAccess;
}
