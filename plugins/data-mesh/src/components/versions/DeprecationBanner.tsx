import { WarningPanel } from '@backstage/core-components';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { isSunset } from '@datamesh-backstage/plugin-data-mesh-common';
import Typography from '@material-ui/core/Typography';
import { RefLink } from '../shared/RefLink';
import { useDataProduct } from '../product/useDataProduct';

/** What a deprecation says, in one panel: sunset date, successor, reason. */
export function DeprecationNotice(props: {
  product: DataProductEntityV1alpha1;
  /** Names the product: on a consumer's page, several may be listed. */
  named?: boolean;
}) {
  const { product } = props;
  const deprecation = product.spec.deprecation;
  if (!deprecation) {
    return null;
  }
  const namespace = product.metadata.namespace ?? 'default';
  const sunset = isSunset(deprecation, new Date());
  const who = props.named
    ? `${product.metadata.title ?? product.metadata.name} is deprecated`
    : 'This data product is deprecated';
  return (
    <WarningPanel
      defaultExpanded
      severity={sunset ? 'error' : 'warning'}
      title={
        sunset
          ? `${who}: its sunset date ${deprecation.sunset} has passed`
          : `${who}: sunset on ${deprecation.sunset}`
      }
    >
      {deprecation.successor && (
        <Typography variant="body2">
          Move to its successor:{' '}
          <RefLink
            entityRef={deprecation.successor}
            defaultKind="DataProduct"
            defaultNamespace={namespace}
          />
        </Typography>
      )}
      {deprecation.reason && (
        <Typography variant="body2">{deprecation.reason}</Typography>
      )}
    </WarningPanel>
  );
}

/**
 * On a deprecated product's page, for its consumers: the sunset date and
 * the successor to move to. Shows nothing for a product not deprecated.
 */
export function DeprecationBanner() {
  const product = useDataProduct();
  return product ? <DeprecationNotice product={product.entity} /> : null;
}
