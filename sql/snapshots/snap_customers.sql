-- description: History of each partner: a new version whenever Odoo writes the record (valid_from, valid_to).
-- History of each partner (customer) record: a new version whenever Odoo writes
-- the partner (strategy: timestamp on write_date), so an address, segment or
-- company change is kept with the dates it held. A partner deleted in Odoo has
-- its last version closed.
-- materialized: snapshot
-- unique_key: customer_id
-- strategy: timestamp
-- updated_at: write_date
-- hard_deletes: invalidate
-- tags: customers, history
-- tests: customer_id not_null; valid_from not_null
select c.id as customer_id,
       c.name,
       c.is_company,
       c.commercial_partner_id,
       c.city,
       c.zip,
       c.country_id,
       co.name as country_name,
       c.customer_rank,
       c.active,
       c.write_date,
       c.deleted_at
from {{ ref('stg_res_partner') }} as c
left join {{ ref('stg_res_country') }} as co
  on co.id = c.country_id and co.deleted_at is null
