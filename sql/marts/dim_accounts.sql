-- description: One row per account of the chart of accounts (account.account): code, name, type and whether it is reconciled.
-- materialized: incremental
-- unique_key: account_id
-- tags: finance
-- tests: account_id not_null unique
select a.id as account_id,
       -- from Odoo 19 a code is per company: this is the code in the user's own company (NULL for another company's account)
       a.code,
       a.name,
       a.account_type,
       -- asset_receivable -> receivable, liability_payable -> payable, else the type's first word (asset, liability, equity, income, expense, off)
       case a.account_type
         when 'asset_receivable' then 'receivable'
         when 'liability_payable' then 'payable'
         else split_part(a.account_type, '_', 1)
       end as internal_group,
       a.reconcile,
       a.currency_id,
       a.company_id,
       -- Odoo up to 18 deprecates an account; 19 archives it
       coalesce(a.active, not a.deprecated, true) as active,
       a.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       a.deleted_at
from {{ ref('stg_account_account') }} as a
where {{ changed(a) }}
