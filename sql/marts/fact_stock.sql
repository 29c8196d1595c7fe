-- description: Stock on hand per product and internal location (stock.quant), with zero rows for active storable products a location lacks.
-- materialized: table
-- tags: stock
-- references: product_id -> dim_products.product_id; location_id -> dim_locations.location_id
-- tests: product_id not_null relationships(dim_products.product_id); location_id not_null relationships(dim_locations.location_id); quantity not_null
with internal as (
  -- Stock levels are for internal locations; quants elsewhere (transit) are movements in progress.
  select l.id, l.warehouse_id, l.active
  from {{ ref('stg_stock_location') }} as l
  where l.deleted_at is null and l.usage = 'internal'
), quants as (
  select q.product_id,
         q.location_id,
         sum(q.quantity) as quantity,
         sum(q.reserved_quantity) as reserved_quantity,
         max(q.in_date) at time zone 'UTC' as in_date,
         count(*) as quant_count
  from {{ ref('stg_stock_quant') }} as q
  where q.deleted_at is null
  group by 1, 2
), storable as (
  -- Active storable products: they get a zero row where an active internal location has none.
  select p.id as product_id
  from {{ ref('stg_product_product') }} as p
  join {{ ref('stg_product_template') }} as t on t.id = p.product_tmpl_id and t.deleted_at is null
  where p.deleted_at is null
    and p.active
    and coalesce(t.is_storable, t.type = 'product')
)
select q.product_id,
       q.location_id,
       i.warehouse_id,
       coalesce(q.quantity, 0) as quantity,
       coalesce(q.reserved_quantity, 0) as reserved_quantity,
       coalesce(q.quantity, 0) - coalesce(q.reserved_quantity, 0) as available_quantity,
       q.in_date,
       q.quant_count
from quants as q
join internal as i on i.id = q.location_id
where q.product_id is not null
union all
select s.product_id, i.id, i.warehouse_id, 0, 0, 0, null, 0
from storable as s
cross join internal as i
where {{ var('stock_zero_rows', 'true') }}::boolean
  and i.active
  and not exists (select 1 from quants as q where q.product_id = s.product_id and q.location_id = i.id)
