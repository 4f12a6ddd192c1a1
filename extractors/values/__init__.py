"""Value parsers: pure functions that read money, dates, times, financial years, minute
references and people's names from printed text. No I/O beyond the word tables in
``extractors/data/``.
"""

from extractors.values.dates import (
    DateMention,
    MonthMention,
    find_dates,
    find_months,
    parse_date,
)
from extractors.values.money import (
    Money,
    MoneyMention,
    find_money,
    parse_money,
    parse_table_amount,
    unit_from_header,
)
from extractors.values.names import (
    PersonName,
    names_compatible,
    parse_person_name,
    split_name_list,
)
from extractors.values.refs import (
    DecisionNumber,
    MinuteHeading,
    MinuteRef,
    match_minute_heading,
    parse_decision_number,
    parse_minute_ref,
)
from extractors.values.times import TimeMention, find_times, parse_time
from extractors.values.years import (
    FinancialYearMention,
    financial_year_bounds,
    financial_year_of,
    find_financial_years,
    normalise_financial_year,
)

__all__ = [
    "DateMention",
    "DecisionNumber",
    "FinancialYearMention",
    "MinuteHeading",
    "MinuteRef",
    "Money",
    "MoneyMention",
    "MonthMention",
    "PersonName",
    "TimeMention",
    "financial_year_bounds",
    "financial_year_of",
    "find_dates",
    "find_financial_years",
    "find_money",
    "find_months",
    "find_times",
    "match_minute_heading",
    "names_compatible",
    "normalise_financial_year",
    "parse_date",
    "parse_decision_number",
    "parse_minute_ref",
    "parse_money",
    "parse_person_name",
    "parse_table_amount",
    "parse_time",
    "split_name_list",
    "unit_from_header",
]
