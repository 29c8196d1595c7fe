-- materialized: incremental
-- unique_key: program_id
-- tags: promotions
-- tests: program_id not_null unique
select p.id as program_id,
       odoo_text(p.data -> 'name') as name,
       odoo_text(p.data -> 'program_type') as program_type,
       odoo_text(p.data -> 'trigger') as trigger,
       odoo_text(p.data -> 'applies_on') as applies_on,
       odoo_date(p.data -> 'date_from') as date_from,
       odoo_date(p.data -> 'date_to') as date_to,
       odoo_bool(p.data -> 'pos_ok') as pos_ok,
       odoo_bool(p.data -> 'sale_ok') as sale_ok,
       odoo_bool(p.data -> 'limit_usage') as limit_usage,
       odoo_int(p.data -> 'max_usage') as max_usage,
       odoo_bool(p.data -> 'active') as active,
       odoo_ts(p.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ source('loyalty.program') }} as p
where {{ changed(p) }}
