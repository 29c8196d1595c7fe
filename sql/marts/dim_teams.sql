-- description: One row per sales team (crm.team).
-- materialized: incremental
-- unique_key: team_id
-- tags: people, sales
-- tests: team_id not_null unique
select t.id as team_id,
       t.name,
       t.user_id as leader_id,
       t.active,
       t.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       t.deleted_at
from {{ ref('stg_crm_team') }} as t
where {{ changed(t) }}
