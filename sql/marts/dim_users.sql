-- description: One row per Odoo user (res.users), with the name of its partner.
-- materialized: incremental
-- unique_key: user_id
-- tags: people
-- tests: user_id not_null unique
select u.id as user_id,
       u.login,
       -- a user's name and email are its partner's (res.users inherits res.partner)
       p.name,
       p.email,
       u.partner_id,
       u.sale_team_id as team_id,
       u.share as is_share,
       u.active,
       u.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       u.deleted_at
from {{ ref('stg_res_users') }} as u
left join {{ ref('stg_res_partner') }} as p
  on p.id = u.partner_id and p.deleted_at is null
where {{ changed(u) }} or {{ changed(p) }}
