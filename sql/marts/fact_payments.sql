-- description: One row per payment (account.payment): customer or vendor, in or out, amount, state and whether it is reconciled.
-- materialized: incremental
-- unique_key: payment_id
-- tags: finance
-- verify: amount = sum(account.payment.amount)
-- references: partner_id -> dim_customers.customer_id; journal_id -> dim_journals.journal_id
-- tests: payment_id not_null unique; payment_type accepted_values(inbound, outbound); partner_id relationships(dim_customers.customer_id); journal_id relationships(dim_journals.journal_id)
select p.id as payment_id,
       -- up to Odoo 17 a payment's name, date, state, journal and company are its entry's (not stored on the payment)
       coalesce(p.name, m.name) as payment_ref,
       p.move_id,
       p.payment_type,
       p.partner_type,
       p.partner_id,
       coalesce(p.journal_id, m.journal_id) as journal_id,
       coalesce(p.company_id, m.company_id) as company_id,
       coalesce(p.date, m.date) as date,
       coalesce(p.state, m.state) as state,
       p.amount,
       c.name as currency,
       p.amount_company_currency_signed,
       p.is_reconciled,
       p.is_matched,
       p.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       p.deleted_at
from {{ ref('stg_account_payment') }} as p
left join {{ ref('stg_account_move') }} as m on m.id = p.move_id
left join {{ ref('stg_res_currency') }} as c on c.id = p.currency_id
-- posting or cancelling a payment on Odoo 17 writes its entry, not the payment
where {{ changed(p) }} or {{ changed(m) }}
