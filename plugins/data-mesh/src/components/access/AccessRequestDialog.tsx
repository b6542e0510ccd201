import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import type {
  AccessRequest,
  DataProductEntityV1alpha1,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dataMeshTranslationRef } from '../../translation';
import {
  AccessFormErrors,
  AccessFormValues,
  serverFieldErrors,
  serverMessage,
  untilDateTime,
  validateAccessForm,
} from './accessRules';
import { AccessRequestFields } from './AccessRequestFields';
import { usePiiPurposes } from './usePiiPurposes';

/** The default end date: 90 days from today. */
const defaultUntil = () =>
  new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/**
 * The form of an access request to one of the product's output ports. It
 * checks what the backend checks before sending; a refused request shows
 * the backend's message at the field it names, and keeps what was typed.
 */
export function AccessRequestDialog(props: {
  product: DataProductEntityV1alpha1;
  port: string;
  open: boolean;
  onClose: () => void;
  onRequested: (request: AccessRequest) => void;
}) {
  const { product, onRequested } = props;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const api = useApi(dataMeshApiRef);
  const piiPurposes = usePiiPurposes();
  const [values, setValues] = useState<AccessFormValues>({
    port: props.port,
    consumer: '',
    purpose: '',
    fields: [],
    until: defaultUntil(),
    reviewer: '',
  });
  const [errors, setErrors] = useState<AccessFormErrors>({});
  const [failure, setFailure] = useState<string>();
  const titleId = `request-access-${product.metadata.name}`;

  const [state, submit] = useAsyncFn(async () => {
    setFailure(undefined);
    const found = validateAccessForm(values, product, piiPurposes);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const created = await api.requestAccess({
        product: stringifyEntityRef(product),
        port: values.port,
        consumer: values.consumer,
        purpose: values.purpose.trim(),
        fields: values.fields,
        until: untilDateTime(values.until),
        ...(values.reviewer.trim() ? { reviewer: values.reviewer.trim() } : {}),
      });
      onRequested(created);
    } catch (error) {
      const message = serverMessage(error as Error);
      const split = serverFieldErrors(message);
      setErrors(split.fields);
      if (split.other.length) setFailure(split.other.join('; '));
    }
  }, [api, values, product, piiPurposes, onRequested]);

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>
        {t('cards.access.requestAccessTo', { port: values.port })}
      </DialogTitle>
      <DialogContent>
        {failure && (
          <Typography color="error" role="alert" gutterBottom>
            {t('cards.access.form.failed', { message: failure })}
          </Typography>
        )}
        <AccessRequestFields
          product={product}
          values={values}
          errors={errors}
          piiPurposes={piiPurposes}
          onChange={changed =>
            setValues(current => ({ ...current, ...changed }))
          }
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('cards.access.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={state.loading}
          onClick={() => submit()}
        >
          {t('cards.access.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
