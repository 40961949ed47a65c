//! OpenCC reads its configurations as JSONC: JSON with `//` and `/* */`
//! comments and trailing commas. Its test-case file also ends arrays with a
//! trailing comma. This turns such text into strict JSON.

/// Removes comments and trailing commas outside strings, keeping byte
/// offsets of everything else meaningful for error messages (comments
/// become spaces).
pub(crate) fn strip_jsonc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    // Index in `out` of a comma that may turn out to be trailing.
    let mut pending_comma: Option<usize> = None;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(escaped) = chars.next() {
                    out.push(escaped);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                out.push(' ');
            }
            '}' | ']' => {
                if let Some(at) = pending_comma.take() {
                    out.replace_range(at..=at, " ");
                }
                out.push(c);
            }
            ',' => {
                pending_comma = Some(out.len());
                out.push(c);
            }
            c if c.is_whitespace() => out.push(c),
            c => {
                pending_comma = None;
                if c == '"' {
                    in_string = true;
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::strip_jsonc;

    #[test]
    fn strips_comments_and_trailing_commas_but_not_strings() {
        let text = "{ // c\n \"a\": [1, 2,], /* x */ \"b\": \"//,]\", }";
        let value: serde_json::Value = serde_json::from_str(&strip_jsonc(text)).unwrap_or_default();
        assert_eq!(value["a"][1], 2);
        assert_eq!(value["b"], "//,]");
    }
}
