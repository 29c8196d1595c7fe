-- description: One row per partner (res.partner): contact, address, country and company flag.
-- materialized: incremental
-- unique_key: customer_id
-- tags: customers
-- tests: customer_id not_null unique
select p.id as customer_id,
       -- every res.partner: customers, vendors, their contacts and addresses, archived ones too
       p.name,
       p.complete_name,
       p.ref,
       p.email,
       p.phone,
       p.mobile,
       p.street,
       p.street2,
       p.zip,
       p.city,
       p.state_id__name as state_name,
       p.country_id,
       p.country_id__name as country_name,
       p.vat,
       p.lang,
       p.is_company,
       p.type as partner_type,
       p.parent_id,
       p.commercial_partner_id,
       p.customer_rank,
       p.supplier_rank,
       p.active,
       p.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ ref('stg_res_partner') }} as p
where {{ changed(p) }}
