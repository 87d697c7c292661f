//! Date and time fields (RFC 5322 §3.3, with the obsolete forms of §4.3).

use std::fmt;

/// A date and time as written in a message, with its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    /// Year, four digits (two- and three-digit obsolete years are expanded, RFC 5322 §4.3).
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of month, 1 to 31.
    pub day: u8,
    /// Hour, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
    /// Second, 0 to 60 (a leap second is allowed).
    pub second: u8,
    /// Offset from UTC in minutes; `None` for `-0000`, military and unknown zones, which RFC
    /// 5322 §4.3 says carry no information about the local time zone.
    pub offset: Option<i16>,
}

const MONTHS: [&[u8; 3]; 12] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if is_leap(y as i64) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl DateTime {
    /// Parses a date-time field value, tolerating the obsolete and common malformed forms:
    /// missing day of week or seconds, comments anywhere, two-digit years, named zones,
    /// `dd-Mon-yyyy`, asctime order, `+hh:mm` offsets and a missing zone (taken as unknown).
    ///
    /// ```
    /// use mailwire_message::DateTime;
    /// let d = DateTime::parse(b"Fri, 21 Nov 1997 09:55:06 -0600").unwrap();
    /// assert_eq!(d.to_rfc3339(), "1997-11-21T09:55:06-06:00");
    /// assert_eq!(DateTime::parse(b"21 Nov 97 09:55:06 GMT").unwrap().offset, Some(0));
    /// ```
    pub fn parse(value: &[u8]) -> Option<Self> {
        let (buf, len) = tokenize(value);
        let tokens = &buf[..len];
        // Only the first two numbers outside the time matter (day and year, in either order).
        let mut numbers = [(0u32, 0usize); 2];
        let mut found = 0;
        let mut month = None;
        let mut time: Option<(u8, u8, u8)> = None;
        let mut offset: Option<Option<i16>> = None;
        let mut i = 0;
        while i < tokens.len() {
            match tokens[i] {
                Tok::Word(w) => {
                    if month.is_none()
                        && w.len() >= 3
                        && let Some(m) = MONTHS
                            .iter()
                            .position(|m| w[..3].eq_ignore_ascii_case(&m[..]))
                    {
                        month = Some(m as u8 + 1);
                        i += 1;
                        continue;
                    }
                    if time.is_some() && offset.is_none() {
                        offset = named_zone(w);
                    }
                }
                Tok::Num(n, digits) => {
                    if time.is_none() && tokens.get(i + 1) == Some(&Tok::Colon) {
                        let (h, m) = (n, num(tokens.get(i + 2))?);
                        let mut s = 0;
                        i += 3;
                        if tokens.get(i) == Some(&Tok::Colon) {
                            s = num(tokens.get(i + 1))?;
                            i += 2;
                        }
                        if h > 23 || m > 59 || s > 60 {
                            return None;
                        }
                        time = Some((h as u8, m as u8, s as u8));
                        continue;
                    }
                    if found < numbers.len() {
                        numbers[found] = (n, digits);
                        found += 1;
                    }
                }
                Tok::Sign(neg) if time.is_some() && offset.is_none() => {
                    if let Some(&Tok::Num(n, digits)) = tokens.get(i + 1) {
                        let (h, m, skip) = if digits == 4 {
                            (n / 100, n % 100, 2)
                        } else if digits <= 2 && tokens.get(i + 2) == Some(&Tok::Colon) {
                            (n, num(tokens.get(i + 3))?, 4)
                        } else if digits <= 2 {
                            (n, 0, 2)
                        } else {
                            return None;
                        };
                        if h > 23 || m > 59 {
                            return None;
                        }
                        let mins = (h * 60 + m) as i16;
                        offset = Some(if neg && mins == 0 {
                            None
                        } else if neg {
                            Some(-mins)
                        } else {
                            Some(mins)
                        });
                        i += skip;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let month = month?;
        let (day, (year, year_digits)) = match &numbers[..found] {
            [(d, dd), y, ..] if *dd <= 2 => (*d, *y),
            [y, (d, _), ..] if y.1 >= 3 => (*d, *y),
            _ => return None,
        };
        let year = match (year, year_digits) {
            (y, 4..) => y,
            (0..=49, _) => year + 2000,
            _ => year + 1900,
        };
        if !(1..=9999).contains(&year) {
            return None;
        }
        let year = year as u16;
        if day == 0 || day > u32::from(days_in_month(year, month)) {
            return None;
        }
        let (hour, minute, second) = time?;
        Some(DateTime {
            year,
            month,
            day: day as u8,
            hour,
            minute,
            second,
            offset: offset.unwrap_or(None),
        })
    }

    /// Seconds since 1970-01-01T00:00:00Z; an unknown zone counts as UTC.
    pub fn timestamp(&self) -> i64 {
        let days = days_from_civil(self.year.into(), self.month.into(), self.day.into());
        days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset.unwrap_or(0)) * 60
    }

    /// The date-time at `timestamp` (seconds since the epoch) seen with `offset` minutes.
    pub fn from_timestamp(timestamp: i64, offset: i16) -> Option<Self> {
        let local = timestamp.checked_add(i64::from(offset) * 60)?;
        let (y, month, day) = civil_from_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400);
        if !(1..=9999).contains(&y) || offset.unsigned_abs() >= 24 * 60 {
            return None;
        }
        Some(DateTime {
            year: y as u16,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
            offset: Some(offset),
        })
    }

    /// RFC 3339 form; an unknown zone is written `-00:00` (RFC 3339 §4.3).
    pub fn to_rfc3339(&self) -> String {
        let zone = match self.offset {
            None => "-00:00".to_string(),
            Some(o) => format!(
                "{}{:02}:{:02}",
                if o < 0 { '-' } else { '+' },
                o.unsigned_abs() / 60,
                o.unsigned_abs() % 60
            ),
        };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{zone}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    fn weekday(&self) -> &'static str {
        let days = days_from_civil(self.year.into(), self.month.into(), self.day.into());
        // 1970-01-01 was a Thursday.
        DAYS[(days + 3).rem_euclid(7) as usize]
    }
}

/// RFC 5322 §3.3 form, as a Date field carries it: `Fri, 21 Nov 1997 09:55:06 -0600`.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[usize::from(self.month.clamp(1, 12) - 1)];
        let (sign, o) = match self.offset {
            None => ('-', 0),
            Some(o) => (if o < 0 { '-' } else { '+' }, o.unsigned_abs()),
        };
        write!(
            f,
            "{}, {} {}{} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
            self.weekday(),
            self.day,
            (month[0] as char).to_ascii_uppercase(),
            std::str::from_utf8(&month[1..]).unwrap_or("??"),
            self.year,
            self.hour,
            self.minute,
            self.second,
            o / 60,
            o % 60
        )
    }
}

fn num(t: Option<&Tok<'_>>) -> Option<u32> {
    match t {
        Some(Tok::Num(n, _)) => Some(*n),
        _ => None,
    }
}

fn named_zone(w: &[u8]) -> Option<Option<i16>> {
    let h = |h: i16| Some(Some(h * 60));
    let up = w.to_ascii_uppercase();
    match up.as_slice() {
        b"UT" | b"UTC" | b"GMT" | b"Z" => h(0),
        b"EDT" => h(-4),
        b"EST" | b"CDT" => h(-5),
        b"CST" | b"MDT" => h(-6),
        b"MST" | b"PDT" => h(-7),
        b"PST" => h(-8),
        // Military and unknown zones: RFC 5322 §4.3 says treat them as -0000.
        _ => Some(None),
    }
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Tok<'a> {
    Word(&'a [u8]),
    /// A number and how many digits it had.
    Num(u32, usize),
    Colon,
    /// `+` (false) or `-` (true), only when followed by a digit.
    Sign(bool),
}

/// At most this many tokens are read: a date has about ten, and the bound keeps hostile
/// values cheap.
const MAX_TOKENS: usize = 32;

/// Splits a date into tokens, in a fixed buffer (no allocation); returns it and the count.
fn tokenize(s: &[u8]) -> ([Tok<'_>; MAX_TOKENS], usize) {
    let mut buf = [Tok::Colon; MAX_TOKENS];
    let mut count = 0;
    let mut i = 0;
    while i < s.len() && count < MAX_TOKENS {
        let b = s[i];
        if b == b'(' {
            i = crate::lexer::skip_comment(s, i);
        } else if b.is_ascii_digit() {
            let start = i;
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
            let digits = i - start;
            let n = s[start..i]
                .iter()
                .take(9)
                .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
            buf[count] = Tok::Num(if digits > 9 { u32::MAX } else { n }, digits);
            count += 1;
        } else if b.is_ascii_alphabetic() {
            let start = i;
            while i < s.len() && s[i].is_ascii_alphabetic() {
                i += 1;
            }
            buf[count] = Tok::Word(&s[start..i]);
            count += 1;
        } else {
            if b == b':' {
                buf[count] = Tok::Colon;
                count += 1;
            } else if (b == b'+' || b == b'-') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
                // A `-` between day, month and year (`1-Jan-2000`) is a separator, not a sign:
                // only a sign after the time matters, and the parser checks that.
                buf[count] = Tok::Sign(b == b'-');
                count += 1;
            }
            i += 1;
        }
    }
    (buf, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        DateTime::parse(s.as_bytes()).map(|d| d.to_rfc3339())
    }

    #[test]
    fn rfc5322_forms() {
        assert_eq!(
            p("Fri, 21 Nov 1997 09:55:06 -0600").as_deref(),
            Some("1997-11-21T09:55:06-06:00")
        );
        assert_eq!(
            p("Tue, 1 Jul 2003 10:52:37 +0200").as_deref(),
            Some("2003-07-01T10:52:37+02:00")
        );
        assert_eq!(p("Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)").as_deref(), Some("1969-02-13T23:32:00-03:30"));
        assert_eq!(
            p("21 Nov 97 09:55:06 GMT").as_deref(),
            Some("1997-11-21T09:55:06+00:00")
        );
        assert_eq!(
            p("1 Jan 05 00:00 EST").as_deref(),
            Some("2005-01-01T00:00:00-05:00")
        );
        assert_eq!(
            p("Mon, 1 Jan 2001 00:00:00 -0000").as_deref(),
            Some("2001-01-01T00:00:00-00:00")
        );
        assert_eq!(
            p("Mon, 1 Jan 2001 00:00:00 A").as_deref(),
            Some("2001-01-01T00:00:00-00:00")
        );
        assert_eq!(
            p("Mon, 1 Jan 101 00:00:00 +0000").as_deref(),
            Some("2001-01-01T00:00:00+00:00")
        );
    }

    #[test]
    fn malformed_forms() {
        assert_eq!(
            p("Mon Jan  1 12:00:00 2001").as_deref(),
            Some("2001-01-01T12:00:00-00:00")
        );
        assert_eq!(
            p("1-Jan-2001 12:00:00 +01:30").as_deref(),
            Some("2001-01-01T12:00:00+01:30")
        );
        assert_eq!(
            p("Monday, 01 January 2001 12:00 +0100").as_deref(),
            Some("2001-01-01T12:00:00+01:00")
        );
        assert_eq!(p("31 Feb 2001 12:00 +0000"), None);
        assert_eq!(p("1 Jan 2001 25:00 +0000"), None);
        assert_eq!(p("garbage"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn display_and_timestamp_round_trip() {
        let d = DateTime::parse(b"Fri, 21 Nov 1997 09:55:06 -0600").unwrap();
        assert_eq!(d.to_string(), "Fri, 21 Nov 1997 09:55:06 -0600");
        assert_eq!(d.timestamp(), 880_127_706);
        assert_eq!(DateTime::from_timestamp(880_127_706, -360), Some(d));
        assert_eq!(
            DateTime::from_timestamp(0, 0).unwrap().to_string(),
            "Thu, 1 Jan 1970 00:00:00 +0000"
        );
    }
}
