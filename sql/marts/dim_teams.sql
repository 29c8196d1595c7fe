-- materialized: incremental
-- unique_key: team_id
-- tags: people, sales
-- tests: team_id not_null unique
select t.id as team_id,
       odoo_text(t.data -> 'name') as name,
       odoo_id(t.data -> 'user_id') as leader_id,
       odoo_bool(t.data -> 'active') as active,
       odoo_ts(t.data -> 'create_date') as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       t.deleted_at
from {{ source('crm.team') }} as t
where {{ changed(t) }}
