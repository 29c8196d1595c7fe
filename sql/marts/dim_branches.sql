-- description: One row per point of sale (pos.config), with its branch code, warehouse and sales team.
-- materialized: table
-- tags: sales
-- tests: branch_id not_null unique
select c.id as branch_id,
       -- A table model: the code also depends on the seed and the warehouses. First the
       -- seed's override, then the name parsed by the pattern (its first parenthesised
       -- group, or the whole match), then the warehouse's short name.
       c.name,
       coalesce(
         (select nullif(btrim(s.branch_code), '')
            from {{ ref('seed_branch_codes') }} as s
           where lower(btrim(s.branch_name)) = lower(btrim(c.name))
           order by s.branch_code
           limit 1),
         substring(c.name from {{ var('branch_code_pattern', '^[A-Z][A-Z0-9]+\M') }}),
         w.code
       ) as branch_code,
       c.crm_team_id as team_id,
       c.warehouse_id,
       c.picking_type_id,
       c.active,
       c.create_date at time zone 'UTC' as created_at
from {{ ref('stg_pos_config') }} as c
left join {{ ref('stg_stock_warehouse') }} as w
  on w.id = c.warehouse_id and w.deleted_at is null
where c.deleted_at is null
