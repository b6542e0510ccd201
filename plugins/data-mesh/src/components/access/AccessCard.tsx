import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  AccessRequest,
  dataMeshAccessApprovePermission,
  DataProductEntityV1alpha1,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { AsyncContent } from '@datamesh-backstage/plugin-data-mesh-react';
import { useCallback, useState } from 'react';
import { dataMeshTranslationRef } from '../../translation';
import { DataProductCard } from '../product/DataProductCard';
import { AccessRequestDialog } from './AccessRequestDialog';
import { AgreementsTable } from './AgreementsTable';
import { PendingRequestsTable } from './PendingRequestsTable';
import { useProductAccess } from './useProductAccess';

function AccessContent(props: {
  entity: DataProductEntityV1alpha1;
  entityRef: string;
}) {
  const { entity, entityRef } = props;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const access = useProductAccess(entityRef);
  const { allowed: canDecide } = usePermission({
    permission: dataMeshAccessApprovePermission,
    resourceRef: entityRef,
  });
  const [requesting, setRequesting] = useState<string>();
  const [sent, setSent] = useState<AccessRequest>();
  const { retry } = access;
  const onRequested = useCallback(
    (request: AccessRequest) => {
      setRequesting(undefined);
      setSent(request);
      retry();
    },
    [retry],
  );
  const ports = entity.spec.outputPorts ?? [];
  return (
    <>
      {sent && (
        <Typography role="status">
          {t('cards.access.requested', {
            port: sent.port,
            status: sent.status,
          })}
        </Typography>
      )}
      {ports.length === 0 ? (
        <Typography variant="body2">{t('cards.access.noPorts')}</Typography>
      ) : (
        <List dense aria-label={t('cards.ports.output')}>
          {ports.map(port => (
            <ListItem key={port.name}>
              <ListItemText
                primary={port.name}
                secondary={[port.type, port.format].filter(Boolean).join(' · ')}
              />
              <ListItemSecondaryAction>
                <Button
                  size="small"
                  color="primary"
                  variant="outlined"
                  aria-label={t('cards.access.requestAccessTo', {
                    port: port.name,
                  })}
                  onClick={() => setRequesting(port.name)}
                >
                  {t('cards.access.requestAccess')}
                </Button>
              </ListItemSecondaryAction>
            </ListItem>
          ))}
        </List>
      )}
      {requesting && (
        <AccessRequestDialog
          open
          product={entity}
          port={requesting}
          onClose={() => setRequesting(undefined)}
          onRequested={onRequested}
        />
      )}
      <AsyncContent
        {...access}
        loadingLabel={t('cards.access.agreements')}
        emptyTitle={t('cards.access.noAgreements')}
      >
        {value => (
          <>
            {(canDecide || value.pending.length > 0) && (
              <section aria-label={t('cards.access.pending')}>
                <Typography variant="h6" component="h3">
                  {t('cards.access.pending')}
                </Typography>
                <PendingRequestsTable
                  requests={value.pending}
                  me={value.me}
                  canDecide={canDecide}
                  onDecided={retry}
                />
              </section>
            )}
            <section aria-label={t('cards.access.agreements')}>
              <Typography variant="h6" component="h3">
                {t('cards.access.agreements')}
              </Typography>
              <AgreementsTable
                agreements={value.agreements}
                me={value.me}
                canDecide={canDecide}
                onChanged={retry}
              />
            </section>
          </>
        )}
      </AsyncContent>
    </>
  );
}

/**
 * Access to the product: its output ports, each with a "Request access"
 * form; the requests waiting for a decision, which the product's owners and
 * governance approve or reject; and the product's agreements, which they
 * revoke or retry and consumers renew.
 */
export function AccessCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.access.title')}>
      {product => <AccessContent {...product} />}
    </DataProductCard>
  );
}
