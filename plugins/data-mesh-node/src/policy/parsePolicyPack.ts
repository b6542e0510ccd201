import { InputError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { PolicyPack } from './types';
import { policyPackDocumentSchema } from './policyPackSchema';
import { normaliseEnforcedFrom } from './ruleState';

/** Formats zod issues as `path: message` lines, naming the rule where there is one. */
function describeIssues(issues: z.core.$ZodIssue[], document: unknown) {
  return issues
    .map(issue => {
      const path = issue.path.map(String);
      const ruleIndex =
        path[0] === 'spec' && path[1] === 'rules' ? Number(path[2]) : NaN;
      const ruleId = Number.isInteger(ruleIndex)
        ? (document as any)?.spec?.rules?.[ruleIndex]?.id
        : undefined;
      const where = path.join('.') || '(document)';
      return `${ruleId ? `rule ${ruleId}: ` : ''}${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Reads a policy pack from a YAML text or an already parsed object (for
 * example from app-config). Throws an InputError naming the source and the
 * rule when the pack is malformed.
 * @public
 */
export function parsePolicyPack(
  input: string | unknown,
  source: string,
): PolicyPack {
  let document: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseDocument(input, {
      prettyErrors: true,
      uniqueKeys: true,
    });
    if (parsed.errors.length > 0) {
      throw new InputError(
        `Policy pack ${source} is not valid YAML: ${parsed.errors[0].message}`,
      );
    }
    document = parsed.toJS({ maxAliasCount: 100 });
  }
  const result = policyPackDocumentSchema.safeParse(document);
  if (!result.success) {
    throw new InputError(
      `Policy pack ${source} is invalid: ${describeIssues(
        result.error.issues,
        document,
      )}`,
    );
  }
  const { metadata, spec } = result.data;
  const seen = new Set<string>();
  for (const rule of spec.rules) {
    if (seen.has(rule.id)) {
      throw new InputError(
        `Policy pack ${source} is invalid: rule ${rule.id} is defined twice`,
      );
    }
    seen.add(rule.id);
  }
  return {
    name: metadata.name,
    title: metadata.title,
    description: metadata.description,
    domain: spec.domain,
    source,
    rules: spec.rules.map(rule => ({
      ...rule,
      title: rule.title ?? rule.id,
      description: rule.description ?? '',
      remediation: rule.remediation ?? '',
      ...(rule.enforcedFrom
        ? { enforcedFrom: normaliseEnforcedFrom(rule.enforcedFrom) }
        : {}),
    })),
  };
}
