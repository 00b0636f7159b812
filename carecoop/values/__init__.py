"""One reader for the values people type or files give: numbers, money, yes/no, lists.

Both the workshop run (prompts and answers files) and the business plan (wizard and plan
files) read values here, so the same text means the same value everywhere:

- `numbers.read_decimal`: numbers, money and percents as `Decimal`, in the workshop's locale;
- `yes_no.read_yes_no`: yes/no words, one table per language;
- `lists.split_list`: the one rule for what separates list items;
- `locales.reading_locale`: which locale a workshop's values are read in;
- `problem.ValueProblem`: what a value that does not fit says to the user.
"""

from carecoop.values.lists import split_list
from carecoop.values.locales import reading_locale
from carecoop.values.numbers import LIMIT, read_decimal
from carecoop.values.problem import ValueProblem, shown
from carecoop.values.yes_no import read_yes_no

__all__ = ["LIMIT", "ValueProblem", "read_decimal", "read_yes_no", "reading_locale", "shown", "split_list"]
