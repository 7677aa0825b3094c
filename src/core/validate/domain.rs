//! Web domains, the key companies are deduplicated by.
//!
//! People paste a company's domain in many shapes: `https://www.Example.com/about`,
//! `example.com.`, `WWW.EXAMPLE.COM:443`. All of them name one company, so a domain is
//! stored bare: no scheme, no `www.`, no port, no path, lower case. Two companies with the
//! same stored domain are then duplicates by plain text comparison.

use super::Invalid;

/// Longest domain name DNS allows, in characters of its text form.
const MAX_DOMAIN_LEN: usize = 253;
/// Longest single label.
const MAX_LABEL_LEN: usize = 63;

/// Reduces a domain, host or URL to its bare lower-case domain, e.g.
/// `https://www.Example.com/about` → `example.com`. Only `http` and `https` URLs are taken.
pub fn normalize_domain(raw: &str) -> Result<String, Invalid> {
    let lower = raw.trim().to_lowercase();
    let after_scheme = match lower.split_once("://") {
        Some(("http" | "https", rest)) => rest,
        Some(_) => return Err(Invalid::Domain),
        None => lower.as_str(),
    };
    let host = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    // A port says nothing about which company this is.
    let host = host.split_once(':').map_or(host, |(name, _)| name);
    let mut host = host.strip_suffix('.').unwrap_or(host);
    // `www.com` is a domain of its own, so `www.` goes only while a domain remains.
    while let Some(rest) = host.strip_prefix("www.").filter(|rest| rest.contains('.')) {
        host = rest;
    }
    if is_domain(host) {
        Ok(host.to_string())
    } else {
        Err(Invalid::Domain)
    }
}

/// Two or more dot-separated labels of letters, digits and inner hyphens, the last one not
/// all digits (that would be an IP address, which names no company).
fn is_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && host.chars().count() <= MAX_DOMAIN_LEN
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().count() <= MAX_LABEL_LEN
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()))
}

// Property tests need proptest, which is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(raw: &str, expect: Result<&str, Invalid>) {
        assert_eq!(normalize_domain(raw), expect.map(str::to_string), "input {raw:?}");
    }

    #[test]
    fn domains_lose_scheme_www_port_path_and_case() {
        let cases = [
            ("https://www.Example.com/about", "example.com"),
            ("example.com", "example.com"),
            ("  EXAMPLE.COM ", "example.com"),
            ("http://example.com", "example.com"),
            ("www.example.com", "example.com"),
            ("WWW.example.co.uk/contact?x=1#top", "example.co.uk"),
            ("example.com:8080", "example.com"),
            ("https://shop.example.com/", "shop.example.com"),
            ("example.com.", "example.com"),
            ("www.com", "www.com"),
            ("www.www.example.com", "example.com"),
            ("https://www.Müller-Bau.de", "müller-bau.de"),
            ("例子.中国", "例子.中国"),
        ];
        for (raw, expect) in cases {
            check(raw, Ok(expect));
        }
    }

    #[test]
    fn things_that_are_not_domains_are_refused() {
        let long_label = format!("{}.com", "a".repeat(MAX_LABEL_LEN + 1));
        for bad in ["", "localhost", "ftp://example.com", "mailto:ada@example.com", "ada@example.com", "192.168.0.1", "-x.com", "x-.com", "a..com", "exa mple.com", "example.c", long_label.as_str()] {
            check(bad, Err(Invalid::Domain));
        }
    }

    proptest! {
        /// Normalizing twice changes nothing, so a stored domain always compares equal to a
        /// freshly typed one.
        #[test]
        fn normalizing_is_idempotent(raw in "(https?://)?(www\\.)?[a-zA-Z0-9-]{1,8}(\\.[a-zA-Z]{2,4}){1,2}(:[0-9]{2,4})?(/[a-z]{0,5})?") {
            if let Ok(once) = normalize_domain(&raw) {
                prop_assert_eq!(normalize_domain(&once), Ok(once.clone()));
            }
        }
    }
}
