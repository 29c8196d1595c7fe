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
       -- up to Odoo 18; Odoo 19 has no mobile (phone alone remains): staging reads NULL there
       p.mobile,
       p.street,
       p.street2,
       p.zip,
       p.city,
       -- the state's own name ('California'); Odoo displays it with its country's code, 'California (US)'
       s.name as state_name,
       p.country_id,
       c.name as country_name,
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
-- The names as of the partner's last change: a renamed country or state reaches its partners with
-- their next change or a --full-refresh (a changed() here would make every run scan all partners).
left join {{ ref('stg_res_country') }} as c
  on c.id = p.country_id and c.deleted_at is null
left join {{ ref('stg_res_country_state') }} as s
  on s.id = p.state_id and s.deleted_at is null
where {{ changed(p) }}
