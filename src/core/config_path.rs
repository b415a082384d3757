//! Paths into a config (`pricing.packages[1].sessions`): how a problem is named to the clinic, and
//! how the lenient reader finds the part to leave out.
//!
//! Keys made only of letters, digits, `-` and `_` are written plainly; any other key is written
//! quoted (`pricing.treatments["a.b"]`), so every path reads back to exactly the segments it came from.

use std::fmt;

use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A list of segments from the root of the config.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Path(pub Vec<Seg>);

fn plain_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if plain_key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Key(k) => write!(f, "[{}]", serde_json::to_string(k).unwrap_or_default())?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    pub fn key(&self, key: &str) -> Path {
        let mut p = self.0.clone();
        p.push(Seg::Key(key.to_string()));
        Path(p)
    }

    pub fn index(&self, n: usize) -> Path {
        let mut p = self.0.clone();
        p.push(Seg::Index(n));
        Path(p)
    }

    pub fn parent(&self) -> Option<Path> {
        (!self.0.is_empty()).then(|| Path(self.0[..self.0.len() - 1].to_vec()))
    }

    /// Reads a path as [`Display`] writes it. `None` for text that is not such a path.
    pub fn parse(text: &str) -> Option<Path> {
        let mut segs = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'.' if !segs.is_empty() && text[i + 1..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_') => i += 1,
                b'[' => {
                    let rest = &text[i + 1..];
                    if rest.starts_with('"') {
                        // A quoted key: read one JSON string.
                        let mut de = serde_json::Deserializer::from_str(rest).into_iter::<String>();
                        let key = de.next()?.ok()?;
                        let used = de.byte_offset();
                        if rest.as_bytes().get(used) != Some(&b']') {
                            return None;
                        }
                        segs.push(Seg::Key(key));
                        i += 1 + used + 1;
                    } else {
                        let end = rest.find(']')?;
                        segs.push(Seg::Index(rest[..end].parse().ok()?));
                        i += 1 + end + 1;
                    }
                }
                // A key; any other dot (leading, doubled, trailing) reads as an empty key, refused.
                _ => {
                    let end = text[i..].find(['.', '[']).map_or(text.len(), |e| i + e);
                    let key = &text[i..end];
                    if !plain_key(key) {
                        return None;
                    }
                    segs.push(Seg::Key(key.to_string()));
                    i = end;
                }
            }
        }
        Some(Path(segs))
    }

    /// From serde_path_to_error's path.
    pub fn from_serde(path: &serde_path_to_error::Path) -> Path {
        use serde_path_to_error::Segment;
        Path(
            path.iter()
                .filter_map(|s| match s {
                    Segment::Seq { index } => Some(Seg::Index(*index)),
                    Segment::Map { key } => Some(Seg::Key(key.clone())),
                    Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
                    Segment::Unknown => None,
                })
                .collect(),
        )
    }

    /// Removes what the path points at from `value`. False when there is nothing there (or the
    /// path is the root, which cannot be removed).
    pub fn remove_from(&self, value: &mut Value) -> bool {
        let Some((last, within)) = self.0.split_last() else { return false };
        let mut node = value;
        for seg in within {
            node = match (seg, node) {
                (Seg::Key(k), Value::Object(map)) => match map.get_mut(k) {
                    Some(v) => v,
                    None => return false,
                },
                (Seg::Index(n), Value::Array(items)) => match items.get_mut(*n) {
                    Some(v) => v,
                    None => return false,
                },
                _ => return false,
            };
        }
        match (last, node) {
            (Seg::Key(k), Value::Object(map)) => map.shift_remove(k).is_some(),
            (Seg::Index(n), Value::Array(items)) if *n < items.len() => {
                items.remove(*n);
                true
            }
            _ => false,
        }
    }

    /// What the path points at, if anything.
    pub fn get<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        let mut node = value;
        for seg in &self.0 {
            node = match (seg, node) {
                (Seg::Key(k), Value::Object(map)) => map.get(k)?,
                (Seg::Index(n), Value::Array(items)) => items.get(*n)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

/// A short, safe description of a JSON value for a message: its type, and for short scalars the
/// value itself (quoted and escaped, so a hostile string cannot forge console output).
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let short: String = s.chars().take(60).collect();
            format!("{short:?}{}", if s.chars().count() > 60 { "…" } else { "" })
        }
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_print_and_read_back() {
        let p = Path::root().key("pricing").key("packages").index(1).key("sessions");
        assert_eq!(p.to_string(), "pricing.packages[1].sessions");
        assert_eq!(Path::parse("pricing.packages[1].sessions"), Some(p));
        let odd = Path::root().key("pricing").key("treatments").key("a.b[\"c\"]").key("areas");
        assert_eq!(odd.to_string(), r#"pricing.treatments["a.b[\"c\"]"].areas"#);
        assert_eq!(Path::parse(&odd.to_string()), Some(odd));
        assert_eq!(Path::parse(""), Some(Path::root()));
        assert_eq!(Path::parse("a..b"), None);
        assert_eq!(Path::parse(".a"), None, "no leading dot");
        assert_eq!(Path::parse("a."), None, "no trailing dot");
        assert_eq!(Path::parse("a.-b_c"), Some(Path::root().key("a").key("-b_c")));
        assert_eq!(Path::parse("a[2]"), Some(Path::root().key("a").index(2)));
        assert_eq!(Path::parse("a[x]"), None);
    }

    #[test]
    fn removal_takes_out_exactly_the_part_named() {
        let mut v = json!({ "a": { "b": [1, 2, 3], "c": true }, "d": 1 });
        assert!(Path::parse("a.b[1]").unwrap().remove_from(&mut v));
        assert_eq!(v, json!({ "a": { "b": [1, 3], "c": true }, "d": 1 }));
        assert!(Path::parse("a.c").unwrap().remove_from(&mut v));
        assert_eq!(v, json!({ "a": { "b": [1, 3] }, "d": 1 }));
        assert!(!Path::parse("a.zz").unwrap().remove_from(&mut v), "nothing there");
        assert!(!Path::root().remove_from(&mut v), "the root stays");
        // An index past the end (or at it) removes nothing rather than failing.
        assert!(!Path::parse("a.b[2]").unwrap().remove_from(&mut v));
        assert!(!Path::parse("a.b[9]").unwrap().remove_from(&mut v));
        assert_eq!(v, json!({ "a": { "b": [1, 3] }, "d": 1 }));
        // Keys keep their order after a removal.
        let mut v: Value = serde_json::from_str(r#"{"z":1,"y":2,"x":3}"#).unwrap();
        Path::parse("y").unwrap().remove_from(&mut v);
        assert_eq!(v.as_object().unwrap().keys().collect::<Vec<_>>(), ["z", "x"]);
    }

    #[test]
    fn get_follows_keys_and_indexes() {
        let v = json!({ "a": [{ "b": 1 }, { "b": 2 }] });
        assert_eq!(Path::parse("a[1].b").unwrap().get(&v), Some(&json!(2)));
        assert_eq!(Path::parse("a[2].b").unwrap().get(&v), None);
        assert_eq!(Path::parse("a.b").unwrap().get(&v), None, "a key into a list");
        assert_eq!(Path::root().get(&v), Some(&v));
    }

    #[test]
    fn values_are_described_short_and_escaped() {
        assert_eq!(describe(&json!("a\nb")), r#""a\nb""#);
        assert_eq!(describe(&json!([1, 2])), "a list of 2");
        assert_eq!(describe(&json!(12.5)), "12.5");
        assert_eq!(describe(&json!("x".repeat(100))), format!("\"{}\"…", "x".repeat(60)));
        assert_eq!(describe(&json!("é".repeat(60))), format!("\"{}\"", "é".repeat(60)), "60 characters are kept whole");
    }
}
