-- Posted journal entries whose items do not balance: in double-entry bookkeeping
-- each entry's debits equal its credits, to the cent, in the company's currency.
-- A row here means items missing from (or extra in) fact_journal_items.
select j.move_id,
       j.move_name,
       sum(j.debit) as debit,
       sum(j.credit) as credit
from {{ ref('fact_journal_items') }} as j
where j.move_state = 'posted'
group by j.move_id, j.move_name
having abs(sum(j.debit) - sum(j.credit)) >= 0.005
order by j.move_id
