-- An example test: one SELECT that returns the rows breaking a rule (none = pass).
-- Every branch-day in daily_sales_by_branch must come from at least one order
-- that fact_sales holds for that branch and day.
select d.branch_id, d.local_date, d.orders
from {{ ref('daily_sales_by_branch') }} as d
where not exists (
  select 1 from {{ ref('fact_sales') }} as s
  where s.source = 'pos' and s.branch_id = d.branch_id and s.local_date = d.local_date
)
