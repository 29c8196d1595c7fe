-- description: One row per accounting journal (account.journal): sales, purchases, bank, cash, miscellaneous.
-- materialized: incremental
-- unique_key: journal_id
-- tags: finance
-- tests: journal_id not_null unique; journal_type accepted_values(sale, purchase, cash, bank, general, credit)
select j.id as journal_id,
       j.code,
       j.name,
       j.type as journal_type,
       j.company_id,
       j.currency_id,
       j.default_account_id,
       j.active,
       j.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       j.deleted_at
from {{ ref('stg_account_journal') }} as j
where {{ changed(j) }}
