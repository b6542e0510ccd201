import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  CampaignInput,
  CampaignScope,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { FormField } from '../shared/FormField';
import { SectionCard } from '../shared/SectionCard';

const TYPES = ['source-aligned', 'consumer-aligned', 'aggregate'] as const;

/** A comma- or space-separated list as its non-empty items. */
const listOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map(item => item.trim())
    .filter(Boolean);

/** The form governance starts a campaign with. */
export function CampaignForm(props: {
  onCreated: () => void;
  onCancel: () => void;
}) {
  const api = useApi(dataMeshApiRef);
  const policies = useAsync(() => api.getPolicies(), [api]);
  const [name, setName] = useState('');
  const [ruleIds, setRuleIds] = useState<string[]>([]);
  const [minScore, setMinScore] = useState('');
  const [domains, setDomains] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [lifecycles, setLifecycles] = useState('');
  const [target, setTarget] = useState('90');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: CampaignInput = {
      name,
      ...(ruleIds.length ? { ruleIds } : {}),
      ...(minScore.trim() ? { minScore: Number(minScore) } : {}),
      scope: {
        ...(listOf(domains).length ? { domains: listOf(domains) } : {}),
        ...(types.length
          ? { types: types as NonNullable<CampaignScope['types']> }
          : {}),
        ...(listOf(lifecycles).length
          ? { lifecycles: listOf(lifecycles) }
          : {}),
      },
      targetShare: Number(target) / 100,
      deadline,
    };
    setSaving(true);
    setError(undefined);
    try {
      await api.createCampaign(input);
      props.onCreated();
    } catch (e) {
      // The backend's message names the refused field; ResponseError keeps
      // it in its body.
      const body = (e as { body?: { error?: { message?: string } } }).body;
      setError(body?.error?.message ?? (e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <SectionCard title="Start a campaign">
      <form onSubmit={submit} aria-label="Start a campaign">
        <Grid container spacing={2}>
          <Grid item xs={12} md={6}>
            <FormField
              id="campaign-name"
              label="Name"
              value={name}
              required
              onValue={setName}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <FormField
              id="campaign-rules"
              label="Rules products must pass"
              value={ruleIds}
              onValue={setRuleIds}
              options={(policies.value?.rules ?? []).map(rule => ({
                value: rule.id,
                label: `${rule.id} · ${rule.title}`,
              }))}
              helperText="Or a minimum score, or both"
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <FormField
              id="campaign-min-score"
              label="Minimum score"
              type="number"
              inputProps={{ min: 0, max: 100 }}
              value={minScore}
              onValue={setMinScore}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <FormField
              id="campaign-target"
              label="Target (% of products)"
              type="number"
              required
              inputProps={{ min: 1, max: 100 }}
              value={target}
              onValue={setTarget}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <FormField
              id="campaign-deadline"
              label="Deadline"
              type="date"
              required
              value={deadline}
              onValue={setDeadline}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <FormField
              id="campaign-domains"
              label="Domains (any if empty)"
              placeholder="customer, finance"
              value={domains}
              onValue={setDomains}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <FormField
              id="campaign-types"
              label="Product types (any if empty)"
              value={types}
              onValue={setTypes}
              options={TYPES.map(type => ({ value: type, label: type }))}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <FormField
              id="campaign-lifecycles"
              label="Lifecycles (any if empty)"
              placeholder="production"
              value={lifecycles}
              onValue={setLifecycles}
            />
          </Grid>
          {error && (
            <Grid item xs={12}>
              <Typography color="error" role="alert">
                {error}
              </Typography>
            </Grid>
          )}
          <Grid item xs={12}>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={saving}
            >
              Start
            </Button>{' '}
            <Button onClick={props.onCancel}>Cancel</Button>
          </Grid>
        </Grid>
      </form>
    </SectionCard>
  );
}
