import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshTranslationRef } from '../../translation';
import { FormField } from '../shared/FormField';
import {
  AccessFormErrors,
  AccessFormValues,
  needsReviewer,
  piiFields,
  touchesPii,
} from './accessRules';
import { useOwnedConsumers } from './useOwnedConsumers';

/** Props shared by every input: spacing, error and help text. */
const field = (error: string | undefined, help: string) => ({
  margin: 'normal' as const,
  error: Boolean(error),
  helperText: error ?? help,
});

/** The inputs of the access request form (native selects, for keyboards and screen readers). */
export function AccessRequestFields(props: {
  product: DataProductEntityV1alpha1;
  values: AccessFormValues;
  errors: AccessFormErrors;
  piiPurposes: string[];
  onChange: (changed: Partial<AccessFormValues>) => void;
}) {
  const { product, values, errors, onChange } = props;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const consumers = useOwnedConsumers();
  const pii = piiFields(product);
  const usePurposeList =
    touchesPii(product, values.fields) && props.piiPurposes.length > 0;
  const classification = product.spec.access?.classification;
  return (
    <>
      {classification && (
        <Typography variant="body2">
          {t('cards.access.form.classification', { classification })}
        </Typography>
      )}
      <FormField
        id="access-port"
        label={t('cards.access.port')}
        value={values.port}
        onValue={port => onChange({ port })}
        options={(product.spec.outputPorts ?? []).map(port => ({
          value: port.name,
          label: port.name,
        }))}
        native
        {...field(errors.port, '')}
      />
      <FormField
        required
        id="access-consumer"
        label={t('cards.access.form.consumer')}
        value={values.consumer}
        onValue={consumer => onChange({ consumer })}
        options={(consumers.value ?? []).map(option => ({
          value: option.ref,
          label: option.label,
        }))}
        native
        empty
        {...field(
          errors.consumer ??
            (consumers.value?.length === 0
              ? t('cards.access.form.noConsumers')
              : undefined),
          t('cards.access.form.consumerHelp'),
        )}
      />
      <FormField
        id="access-fields"
        label={t('cards.access.form.fields')}
        value={values.fields}
        onValue={fields => onChange({ fields })}
        options={(product.spec.schema?.fields ?? []).map(f => ({
          value: f.name,
          label: pii.has(f.name) ? `${f.name} (PII)` : f.name,
        }))}
        native
        {...field(errors.fields, t('cards.access.form.fieldsHelp'))}
      />
      <FormField
        required
        multiline={!usePurposeList}
        id="access-purpose"
        label={t('cards.access.form.purpose')}
        value={values.purpose}
        onValue={purpose => onChange({ purpose })}
        {...(usePurposeList
          ? {
              options: props.piiPurposes.map(p => ({ value: p, label: p })),
              native: true,
              empty: true,
            }
          : { inputProps: { maxLength: 2000 } })}
        {...field(
          errors.purpose,
          t(
            usePurposeList
              ? 'cards.access.form.piiPurposeHelp'
              : 'cards.access.form.purposeHelp',
          ),
        )}
      />
      <FormField
        required
        id="access-until"
        type="date"
        label={t('cards.access.form.until')}
        value={values.until}
        onValue={until => onChange({ until })}
        {...field(errors.until, '')}
      />
      {(needsReviewer(product) || errors.reviewer) && (
        <FormField
          required={needsReviewer(product)}
          id="access-reviewer"
          label={t('cards.access.form.reviewer')}
          value={values.reviewer}
          onValue={reviewer => onChange({ reviewer })}
          {...field(errors.reviewer, t('cards.access.form.reviewerHelp'))}
        />
      )}
    </>
  );
}
