-- description: The general ledger: one row per journal item (account.move.line) with its entry's state (only posted entries are books), account, partner, debit, credit, balance and what is left to reconcile.
-- materialized: incremental
-- unique_key: line_id
-- tags: finance
-- verify: debit = sum(account.move.line.debit); credit = sum(account.move.line.credit); balance = sum(account.move.line.balance)
-- references: account_id -> dim_accounts.account_id; journal_id -> dim_journals.journal_id; partner_id -> dim_customers.customer_id; product_id -> dim_products.product_id
-- tests: line_id not_null unique; move_id not_null; account_id not_null relationships(dim_accounts.account_id); journal_id relationships(dim_journals.journal_id); partner_id relationships(dim_customers.customer_id); move_state accepted_values(draft, posted, cancel)
with moves as (
  -- The entries that changed, their item lists decoded once for the two branches below.
  select m.id, m.line_ids from {{ ref('stg_account_move') }} as m where {{ changed(m) }}
), touched as (
  -- Items that changed, and every item of an entry that changed (its type or state is copied here).
  select l.id from {{ ref('stg_account_move_line') }} as l where {{ changed(l) }}
  union
  select unnest(m.line_ids) from moves as m
  union
  select l.id from moves as m
  join {{ ref('stg_account_move_line') }} as l on l.move_id = m.id
  where m.line_ids is null
)
select l.id as line_id,
       l.move_id,
       l.move_name,
       m.move_type,
       coalesce(l.parent_state, m.state) as move_state,
       l.date,
       l.journal_id,
       l.account_id,
       a.account_type,
       l.partner_id,
       l.company_id,
       l.name as label,
       l.display_type,
       l.debit,
       l.credit,
       l.balance,
       l.amount_currency,
       l.currency_id,
       l.amount_residual,
       l.amount_residual_currency,
       l.reconciled,
       l.matching_number,
       l.date_maturity,
       l.product_id,
       l.quantity,
       l.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       l.deleted_at
from {{ ref('stg_account_move_line') }} as l
left join {{ ref('stg_account_move') }} as m on m.id = l.move_id
left join {{ ref('stg_account_account') }} as a on a.id = l.account_id
-- an array, not a join: the touched items are read by id even when statistics are stale
where l.id = any(array(select id from touched))
  -- section and note lines carry no account and no amount
  and (l.display_type is null or l.display_type not in ('line_section', 'line_note'))
