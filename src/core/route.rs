//! Where the app lives: the URL prefix under which a static host serves it.
//!
//! The same `dist/` folder works at a domain's root or under any sub-path (`/cairn/`), so
//! the prefix is found at run time from the page's path rather than fixed at build time.

/// The first path segments of the app's own routes; anything before them is the base.
pub const ROUTE_ROOTS: &[&str] = &["contacts", "companies", "deals", "tickets", "objects", "tasks", "reports", "automation", "settings", "search", "data"];

/// The base path of the app (no trailing slash; empty at the domain root).
pub fn app_base(pathname: &str) -> String {
    let mut segments: Vec<&str> = pathname.split('/').filter(|s| !s.is_empty()).collect();
    if let Some(pos) = segments.iter().position(|s| ROUTE_ROOTS.contains(s)) {
        segments.truncate(pos);
    } else if segments.last().is_some_and(|s| s.ends_with(".html")) {
        segments.pop();
    }
    segments.iter().map(|s| format!("/{s}")).collect()
}

#[cfg(test)]
mod tests {
    use super::app_base;

    #[test]
    fn base_is_the_path_before_the_apps_own_routes() {
        for (path, base) in [
            ("/", ""),
            ("", ""),
            ("/contacts", ""),
            ("/contacts/01ABC", ""),
            ("/cairn/", "/cairn"),
            ("/cairn", "/cairn"),
            ("/cairn/index.html", "/cairn"),
            ("/index.html", ""),
            ("/apps/cairn/contacts/01ABC", "/apps/cairn"),
            ("/cairn/settings", "/cairn"),
        ] {
            assert_eq!(app_base(path), base, "{path}");
        }
    }
}
