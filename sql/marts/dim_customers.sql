-- materialized: incremental
-- unique_key: customer_id
-- tags: customers
-- tests: customer_id not_null unique
select p.id as customer_id,
       -- every res.partner: customers, vendors, their contacts and addresses, archived ones too
       odoo_text(p.data -> 'name') as name,
       odoo_text(p.data -> 'complete_name') as complete_name,
       odoo_text(p.data -> 'ref') as ref,
       odoo_text(p.data -> 'email') as email,
       odoo_text(p.data -> 'phone') as phone,
       odoo_text(p.data -> 'mobile') as mobile,
       odoo_text(p.data -> 'street') as street,
       odoo_text(p.data -> 'street2') as street2,
       odoo_text(p.data -> 'zip') as zip,
       odoo_text(p.data -> 'city') as city,
       odoo_name(p.data -> 'state_id') as state_name,
       odoo_id(p.data -> 'country_id') as country_id,
       odoo_name(p.data -> 'country_id') as country_name,
       odoo_text(p.data -> 'vat') as vat,
       odoo_text(p.data -> 'lang') as lang,
       odoo_bool(p.data -> 'is_company') as is_company,
       odoo_text(p.data -> 'type') as partner_type,
       odoo_id(p.data -> 'parent_id') as parent_id,
       odoo_id(p.data -> 'commercial_partner_id') as commercial_partner_id,
       odoo_int(p.data -> 'customer_rank') as customer_rank,
       odoo_int(p.data -> 'supplier_rank') as supplier_rank,
       odoo_bool(p.data -> 'active') as active,
       odoo_ts(p.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ source('res.partner') }} as p
where {{ changed(p) }}
