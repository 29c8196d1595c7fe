-- description: History of each product variant's list price and cost: a new version whenever either changes.
-- History of each product variant's sale price and cost: one row per version,
-- valid_from/valid_to (NULL while current), a new version whenever Odoo's list
-- price (on the template) or cost (on the variant) changes. Join a sale to the
-- version valid at its date for the price and cost of the day:
--   join snap_product_prices as pp on pp.product_id = l.product_id
--    and l.date_order >= pp.valid_from and (l.date_order < pp.valid_to or pp.valid_to is null)
-- Versions start when the snapshot first ran: Odoo keeps no price history to read back.
-- materialized: snapshot
-- unique_key: product_id
-- strategy: check
-- check_cols: list_price, standard_price
-- hard_deletes: invalidate
-- tags: products, history
-- tests: product_id not_null; valid_from not_null
select p.id as product_id,
       p.product_tmpl_id as template_id,
       t.name,
       t.list_price,
       p.standard_price,
       p.active,
       p.deleted_at
from {{ ref('stg_product_product') }} as p
left join {{ ref('stg_product_template') }} as t
  on t.id = p.product_tmpl_id and t.deleted_at is null
