-- description: One row per POS category (pos.category), with its full path, rebuilt whole on every run.
-- materialized: table
-- tags: products
-- tests: pos_category_id not_null unique
with recursive category as (
  -- A table model: a category's full path depends on all its parents, and
  -- Odoo 17 stores no complete_name on pos.category, so the path is built here.
  select c.id, c.name, c.parent_id, c.complete_name, c.sequence, c.create_date
  from {{ ref('stg_pos_category') }} as c
  where c.deleted_at is null
), path as (
  select category.id, category.name as complete_name, 1 as depth
  from category
  where category.parent_id is null or not exists (select 1 from category as parent where parent.id = category.parent_id)
  union all
  select child.id, path.complete_name || ' / ' || child.name, path.depth + 1
  from path
  join category as child on child.parent_id = path.id
  where path.depth < 50
)
select category.id as pos_category_id,
       category.name,
       coalesce(category.complete_name, path.complete_name) as complete_name,
       category.parent_id,
       category.sequence,
       category.create_date at time zone 'UTC' as created_at
from category
left join path on path.id = category.id
