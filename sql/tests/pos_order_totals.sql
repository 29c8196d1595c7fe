-- POS orders whose total differs by more than a cent from the sum of their lines'
-- totals (price_subtotal_incl, tax included). Odoo computes both from the same
-- lines, so a difference means lines missing from or extra in fact_sales_lines.
-- The cent allows for the order rounding its tax total once (round_globally)
-- while each line keeps its own subtotal.
select o.order_id,
       o.order_ref,
       o.amount_total,
       coalesce(sum(l.price_subtotal_incl), 0) as lines_total
from {{ ref('fact_sales') }} as o
left join {{ ref('fact_sales_lines') }} as l on l.source = o.source and l.order_id = o.order_id
where o.source = 'pos'
group by o.order_id, o.order_ref, o.amount_total
having abs(o.amount_total - coalesce(sum(l.price_subtotal_incl), 0)) > 0.01
order by o.order_id
