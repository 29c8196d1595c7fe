-- description: One row per customer invoice, credit note, vendor bill, refund and receipt (account.move): state, payment state, dates, partner and amounts, signed in the company's and the document's currency.
-- materialized: incremental
-- unique_key: invoice_id
-- tags: finance
-- verify: amount_total_signed = sum(account.move.amount_total_signed where move_type = 'out_invoice') where move_type = 'out_invoice'; amount_total_signed = sum(account.move.amount_total_signed where move_type = 'out_refund') where move_type = 'out_refund'; amount_total_signed = sum(account.move.amount_total_signed where move_type = 'in_invoice') where move_type = 'in_invoice'; amount_total_signed = sum(account.move.amount_total_signed where move_type = 'in_refund') where move_type = 'in_refund'; amount_residual_signed = sum(account.move.amount_residual_signed where move_type = 'out_invoice') where move_type = 'out_invoice'
-- references: partner_id -> dim_customers.customer_id; commercial_partner_id -> dim_customers.customer_id; journal_id -> dim_journals.journal_id
-- tests: invoice_id not_null unique; move_type not_null accepted_values(out_invoice, out_refund, in_invoice, in_refund, out_receipt, in_receipt); state not_null accepted_values(draft, posted, cancel); partner_id relationships(dim_customers.customer_id); journal_id relationships(dim_journals.journal_id)
select m.id as invoice_id,
       m.name as invoice_ref,
       m.ref,
       m.move_type,
       m.state,
       m.payment_state,
       m.invoice_date,
       m.invoice_date_due,
       m.date,
       m.partner_id,
       m.commercial_partner_id,
       m.company_id,
       m.journal_id,
       c.name as currency,
       cc.name as company_currency,
       m.amount_untaxed,
       m.amount_tax,
       m.amount_total,
       m.amount_residual,
       -- Odoo stores the document-currency sign only for the total: money in (a customer invoice, a vendor refund, a sales receipt) is positive
       case when m.move_type in ('out_invoice', 'in_refund', 'out_receipt') then 1 else -1 end * m.amount_untaxed as amount_untaxed_in_currency_signed,
       case when m.move_type in ('out_invoice', 'in_refund', 'out_receipt') then 1 else -1 end * m.amount_tax as amount_tax_in_currency_signed,
       m.amount_total_in_currency_signed,
       m.amount_untaxed_signed,
       m.amount_tax_signed,
       m.amount_total_signed,
       m.amount_residual_signed,
       m.invoice_origin,
       m.reversed_entry_id,
       m.create_date at time zone 'UTC' as created_at,
       -- set when the record is gone from Odoo: the row leaves the table (on_delete: delete)
       m.deleted_at
from {{ ref('stg_account_move') }} as m
left join {{ ref('stg_res_currency') }} as c on c.id = m.currency_id
-- company_currency_id is not stored on the move: its first item carries it (looked up by id)
left join {{ ref('stg_account_move_line') }} as l1 on l1.id = m.line_ids[1]
left join {{ ref('stg_res_currency') }} as cc on cc.id = coalesce(m.company_currency_id, l1.company_currency_id)
where {{ changed(m) }}
  and m.move_type in ('out_invoice', 'out_refund', 'in_invoice', 'in_refund', 'out_receipt', 'in_receipt')
