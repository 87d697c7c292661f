//! A wrapper that keeps a value out of logs.

use std::fmt;

/// A value that must never appear in logs or error messages: passwords, tokens, keys.
///
/// `Debug` and `Display` print `<redacted>` whatever the value is. The value is reached only
/// through [`Secret::expose`] or [`Secret::into_inner`], so every place that reads it is
/// visible in the code.
///
/// ```
/// use mailwire_core::Secret;
///
/// let password = Secret::new(String::from("hunter2"));
/// assert_eq!(format!("{password:?} {password}"), "<redacted> <redacted>");
/// assert_eq!(password.expose(), "hunter2");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps `value`.
    pub const fn new(value: T) -> Self {
        Self(value)
    }

    /// Borrows the secret value. Call this only where the value is used, never to log it.
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the secret value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<T> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn formatting_never_shows_the_value() {
        let s = Secret::new("correct horse battery staple");
        for shown in [
            format!("{s:?}"),
            format!("{s:#?}"),
            format!("{s}"),
            format!("{:?}", Some(&s)),
        ] {
            assert!(!shown.contains("horse"), "{shown}");
        }
    }

    #[test]
    fn value_is_reachable_explicitly() {
        let s: Secret<Vec<u8>> = b"key".to_vec().into();
        assert_eq!(s.expose(), b"key");
        assert_eq!(s.clone().into_inner(), b"key".to_vec());
        assert_eq!(s, Secret::new(b"key".to_vec()));
    }
}
