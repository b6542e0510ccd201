#!/usr/bin/env bash
# Checks a data product against the portal's effective governance policies
# (POST /api/data-mesh/evaluate) and fails on error-severity violations,
# among them a breaking change (removed or renamed field, changed type, field
# newly required, removed or changed output port, loosened SLO, PII newly
# exposed) against the version the portal last saw in production, made
# without a major version bump (rule VER-002).
# Needs BACKSTAGE_URL (the portal's backend), BACKSTAGE_TOKEN (a static access
# token of the portal), curl, yq and jq (all on GitHub's Ubuntu runners).
set -euo pipefail

file="${1:-catalog-info.yaml}"
: "${BACKSTAGE_URL:?Set BACKSTAGE_URL to the portal backend, for example https://backstage.example.com}"
: "${BACKSTAGE_TOKEN:?Set BACKSTAGE_TOKEN to a static access token of the portal}"

body="$(yq -o=json '.' "$file" | jq '{entity: .}')"
response="$(curl --silent --show-error --fail-with-body \
  -X POST "${BACKSTAGE_URL%/}/api/data-mesh/evaluate" \
  -H "Authorization: Bearer ${BACKSTAGE_TOKEN}" \
  -H 'Content-Type: application/json' \
  --data "$body")"

jq -r '"Governance score \(.score) (\(.status))",
  (.violations[] | "\(if .waived then "waived " else "" end)\(.severity) \(.ruleId) \(.path): \(.message) — \(.remediation)")' \
  <<<"$response"

if jq -e '[.violations[] | select(.ruleId == "VER-002" and (.waived | not))] | length > 0' \
  <<<"$response" >/dev/null; then
  echo "Breaking changes without a major version bump: raise the major version of spec.version (consumers are told) or keep the contract compatible." >&2
fi
if [ "$(jq -r .status <<<"$response")" = fail ]; then
  echo "The product breaks error-severity policies: fix them before merging." >&2
  exit 1
fi
