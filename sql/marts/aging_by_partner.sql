-- description: Open receivables and payables by partner (0 in a bucket with nothing owed) as of the run's date (ELT_TIMEZONE; vars: aging_as_of sets another), in buckets of days past due: current, 1-30, 31-60, 61-90, over 90. Posted entries only; amounts in the company's currency, positive for what is owed (to you for receivables, by you for payables).
-- materialized: table
-- tags: finance
-- references: partner_id -> dim_customers.customer_id
-- tests: kind not_null accepted_values(receivable, payable); as_of not_null; total not_null
with as_of as (
  -- the run's date, or the date elt.yml's vars: aging_as_of gives (a month end, say)
  select coalesce(nullif({{ var('aging_as_of', '') }}, '')::date, elt_local(now())::date) as day
), open_items as (
  select case when a.account_type = 'asset_receivable' then 'receivable' else 'payable' end as kind,
         l.partner_id,
         l.company_id,
         -- a payable's residual is a credit (negative): shown as what is owed
         case when a.account_type = 'asset_receivable' then l.amount_residual else -l.amount_residual end as amount,
         d.day - coalesce(l.date_maturity, l.date) as days_past_due
  from {{ ref('stg_account_move_line') }} as l
  join {{ ref('stg_account_account') }} as a on a.id = l.account_id
  cross join as_of as d
  where l.deleted_at is null
    and l.parent_state = 'posted'
    and a.account_type in ('asset_receivable', 'liability_payable')
    and l.amount_residual <> 0
)
select i.kind,
       i.partner_id,
       p.complete_name as partner_name,
       i.company_id,
       (select day from as_of) as as_of,
       coalesce(sum(i.amount) filter (where i.days_past_due <= 0), 0) as current,
       coalesce(sum(i.amount) filter (where i.days_past_due between 1 and 30), 0) as days_1_30,
       coalesce(sum(i.amount) filter (where i.days_past_due between 31 and 60), 0) as days_31_60,
       coalesce(sum(i.amount) filter (where i.days_past_due between 61 and 90), 0) as days_61_90,
       coalesce(sum(i.amount) filter (where i.days_past_due > 90), 0) as days_over_90,
       sum(i.amount) as total,
       count(*) as open_items
from open_items as i
left join {{ ref('stg_res_partner') }} as p on p.id = i.partner_id and p.deleted_at is null
group by i.kind, i.partner_id, p.complete_name, i.company_id
