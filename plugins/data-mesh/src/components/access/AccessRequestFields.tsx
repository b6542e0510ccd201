import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshTranslationRef } from '../../translation';
import {
  AccessFormErrors,
  AccessFormValues,
  needsReviewer,
  piiFields,
  touchesPii,
} from './accessRules';
import { useOwnedConsumers } from './useOwnedConsumers';

/** Props shared by every input: full width, native, error and help text. */
const field = (error: string | undefined, help: string) => ({
  fullWidth: true,
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
      <TextField
        select
        id="access-port"
        label={t('cards.access.port')}
        value={values.port}
        onChange={e => onChange({ port: e.target.value })}
        SelectProps={{ native: true }}
        {...field(errors.port, '')}
      >
        {(product.spec.outputPorts ?? []).map(port => (
          <option key={port.name} value={port.name}>
            {port.name}
          </option>
        ))}
      </TextField>
      <TextField
        select
        required
        id="access-consumer"
        label={t('cards.access.form.consumer')}
        value={values.consumer}
        onChange={e => onChange({ consumer: e.target.value })}
        SelectProps={{ native: true }}
        {...field(
          errors.consumer ??
            (consumers.value?.length === 0
              ? t('cards.access.form.noConsumers')
              : undefined),
          t('cards.access.form.consumerHelp'),
        )}
      >
        <option value="" />
        {(consumers.value ?? []).map(option => (
          <option key={option.ref} value={option.ref}>
            {option.label}
          </option>
        ))}
      </TextField>
      <TextField
        select
        id="access-fields"
        label={t('cards.access.form.fields')}
        value={values.fields}
        onChange={e => {
          const select = e.target as unknown as HTMLSelectElement;
          onChange({
            fields: Array.from(select.selectedOptions, o => o.value),
          });
        }}
        SelectProps={{ native: true, multiple: true }}
        InputLabelProps={{ shrink: true }}
        {...field(errors.fields, t('cards.access.form.fieldsHelp'))}
      >
        {(product.spec.schema?.fields ?? []).map(f => (
          <option key={f.name} value={f.name}>
            {pii.has(f.name) ? `${f.name} (PII)` : f.name}
          </option>
        ))}
      </TextField>
      {usePurposeList ? (
        <TextField
          select
          required
          id="access-purpose"
          label={t('cards.access.form.purpose')}
          value={values.purpose}
          onChange={e => onChange({ purpose: e.target.value })}
          SelectProps={{ native: true }}
          {...field(errors.purpose, t('cards.access.form.piiPurposeHelp'))}
        >
          <option value="" />
          {props.piiPurposes.map(purpose => (
            <option key={purpose} value={purpose}>
              {purpose}
            </option>
          ))}
        </TextField>
      ) : (
        <TextField
          required
          multiline
          id="access-purpose"
          label={t('cards.access.form.purpose')}
          value={values.purpose}
          onChange={e => onChange({ purpose: e.target.value })}
          inputProps={{ maxLength: 2000 }}
          {...field(errors.purpose, t('cards.access.form.purposeHelp'))}
        />
      )}
      <TextField
        required
        id="access-until"
        type="date"
        label={t('cards.access.form.until')}
        value={values.until}
        onChange={e => onChange({ until: e.target.value })}
        InputLabelProps={{ shrink: true }}
        {...field(errors.until, '')}
      />
      {(needsReviewer(product) || errors.reviewer) && (
        <TextField
          required={needsReviewer(product)}
          id="access-reviewer"
          label={t('cards.access.form.reviewer')}
          value={values.reviewer}
          onChange={e => onChange({ reviewer: e.target.value })}
          {...field(errors.reviewer, t('cards.access.form.reviewerHelp'))}
        />
      )}
    </>
  );
}
