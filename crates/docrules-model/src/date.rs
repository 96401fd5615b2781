//! Calendar dates as they appear in front matter (`07/15/2019`, `12/4/2017`, `2019-07-15`).

use serde::{Serialize, Serializer};
use std::fmt;

/// A valid Gregorian calendar date. Orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (`2019`).
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

impl Date {
    /// The date, or `None` when it does not exist (month 13, `2023-02-29`).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `M/D/YYYY` (the form Microsoft Docs uses in `ms.date`) or ISO `YYYY-MM-DD`;
    /// surrounding whitespace is ignored. `None` for any other form or an impossible date.
    ///
    /// ```
    /// use docrules_model::date::Date;
    ///
    /// assert_eq!(Date::parse("12/4/2017"), Date::new(2017, 12, 4));
    /// assert_eq!(Date::parse("2017-12-04").unwrap().to_string(), "2017-12-04");
    /// assert_eq!(Date::parse("2/30/2019"), None);
    /// assert_eq!(Date::parse("1/2/19"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let parts: Vec<&str> = text.split(['/', '-']).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let num = |s: &str| -> Option<u16> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (year, month, day) = if text.contains('/') && c.len() == 4 {
            (num(c)?, num(a)?, num(b)?)
        } else if text.contains('-') && a.len() == 4 {
            (num(a)?, num(b)?, num(c)?)
        } else {
            return None;
        };
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }
}

impl Date {
    /// The calendar date of `seconds` since 1970-01-01 (a git commit's time plus its offset);
    /// `None` outside years 0–65535.
    ///
    /// ```
    /// use docrules_model::date::Date;
    ///
    /// assert_eq!(Date::from_unix_seconds(0), Date::new(1970, 1, 1));
    /// assert_eq!(Date::from_unix_seconds(1_709_251_199), Date::new(2024, 2, 29));
    /// assert_eq!(Date::from_unix_seconds(-1), Date::new(1969, 12, 31));
    /// ```
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        // Howard Hinnant's days-to-civil, on eras of 400 years.
        let days = seconds.div_euclid(86_400) + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Serialized as `YYYY-MM-DD`.
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_front_matter_forms() {
        assert_eq!(Date::parse("07/15/2019"), Date::new(2019, 7, 15));
        assert_eq!(Date::parse("12/4/2017"), Date::new(2017, 12, 4));
        assert_eq!(Date::parse(" 2021-06-04 "), Date::new(2021, 6, 4));
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
    }

    #[test]
    fn rejects_impossible_or_ambiguous_dates() {
        for bad in [
            "13/1/2019",
            "2/30/2019",
            "2023-02-29",
            "1/2/19",
            "",
            "07/15",
            "a/b/cccc",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn displays_iso() {
        assert_eq!(Date::parse("12/4/2017").unwrap().to_string(), "2017-12-04");
    }
}
