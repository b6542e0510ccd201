-- Builds ${{ values.entityRef }}. A stub from the self-serve template:
-- replace the select with the product's logic; keep the columns of its
-- contract (contracts/).
{% if values.pipeline.upstreamModels | length -%}
-- One CTE per upstream data product (spec.lineage.upstreamProducts).
with
{%- for upstream in values.pipeline.upstreamModels %}
${{ upstream }} as (
    select * from {{ ref('${{ upstream }}') }}
){% if not loop.last %},{% endif %}
{%- endfor %}

select
{%- for column in values.pipeline.columns %}
    ${{ column }}{% if not loop.last %},{% endif %}
{%- endfor %}
from ${{ values.pipeline.upstreamModels[0] }}
{%- else -%}
-- The source system's table, declared in ${{ values.pipeline.model }}.yml.
select
{%- for column in values.pipeline.columns %}
    ${{ column }}{% if not loop.last %},{% endif %}
{%- endfor %}
from {{ source('${{ values.pipeline.model }}', 'raw') }}
{%- endif %}
