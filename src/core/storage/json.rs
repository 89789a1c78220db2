//! JSON by hand for what Hamish keeps (the entry and what it holds, settings, the recent list, stored
//! texts, the reader's entities, backups), in place of serde's derives, whose generated code was a
//! large share of the bundle. Text is parsed once into a [`Value`] (`core::json`) and each type takes
//! its fields out of it ([`Fields`]); writing goes straight to text ([`Object`]) so that fields keep
//! the order Hamish has always written them in (a `Value`'s object sorts its keys).
//!
//! The rules are serde's: unknown fields are ignored; a missing field is an error unless it has a
//! default; `null` stands for an absent `Option` only; a field of the wrong type is an error.

pub use crate::core::json::write::string;
use crate::core::json::Value;

/// A type kept as JSON.
pub trait Json: Sized {
    /// Appends its JSON text to `out`.
    fn write_json(&self, out: &mut String);
    /// Reads it from a parsed JSON value; the message says what is wrong.
    fn read_json(value: Value) -> Result<Self, String>;
}

/// The JSON text of `value`.
pub fn to_text<T: Json>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Reads a `T` from JSON text; the message says what is wrong.
pub fn from_text<T: Json>(text: &str) -> Result<T, String> {
    let value = crate::core::json::from_str(text).map_err(|e| e.to_string())?;
    T::read_json(value)
}

impl Json for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }

    fn read_json(value: Value) -> Result<Self, String> {
        match value {
            Value::String(s) => Ok(s),
            _ => Err("expected a string".into()),
        }
    }
}

/// Any JSON, kept as it is.
impl Json for Value {
    fn write_json(&self, out: &mut String) {
        crate::core::json::write::write(out, self, None);
    }

    fn read_json(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

impl Json for (String, String) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        string(out, &self.0);
        out.push(',');
        string(out, &self.1);
        out.push(']');
    }

    fn read_json(value: Value) -> Result<Self, String> {
        match value {
            Value::Array(items) if items.len() == 2 => {
                let mut items = items.into_iter();
                let mut next = || String::read_json(items.next().unwrap_or(Value::Null));
                Ok((next()?, next()?))
            }
            _ => Err("expected a pair of strings".into()),
        }
    }
}

/// Appends the JSON array of `items`.
pub fn write_list<T: Json>(out: &mut String, items: &[T]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

impl<T: Json> Json for Vec<T> {
    fn write_json(&self, out: &mut String) {
        write_list(out, self);
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let Value::Array(items) = value else {
            return Err("expected an array".into());
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            out.push(T::read_json(v).map_err(|e| item_error(i, e))?);
        }
        Ok(out)
    }
}

/// The error of a list's `i`-th item (0-based), numbered from 1 (one copy for every item type).
fn item_error(i: usize, e: String) -> String {
    format!("item {}: {e}", i + 1)
}

/// Writes a JSON object, its fields in the order they are given.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    /// Starts an object at the end of `out`.
    pub fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string field.
    pub fn str(&mut self, key: &str, value: &str) -> &mut Self {
        string(self.key(key), value);
        self
    }

    /// A string field that may be `null`.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => self.str(key, v),
            None => self.raw(key, "null"),
        }
    }

    /// A number field.
    pub fn num(&mut self, key: &str, value: u64) -> &mut Self {
        let out = self.key(key);
        out.push_str(&value.to_string());
        self
    }

    /// A boolean field.
    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.raw(key, if value { "true" } else { "false" })
    }

    /// A field holding `value`'s JSON.
    pub fn field<T: Json>(&mut self, key: &str, value: &T) -> &mut Self {
        value.write_json(self.key(key));
        self
    }

    /// A field holding JSON text as it is.
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).push_str(json);
        self
    }

    /// Closes the object.
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// The fields of a JSON object, taken out by name (a short list: searched in order, cheaper than
/// taking keys out of the parsed object one by one).
pub struct Fields(Vec<(String, Value)>);

impl Fields {
    /// The fields of `value`; an error when it is not an object.
    pub fn of(value: Value) -> Result<Fields, String> {
        match value {
            Value::Object(map) => Ok(Fields(map.into_iter().collect())),
            _ => Err("expected an object".into()),
        }
    }

    fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(at).1)
    }

    /// A required field's value.
    pub fn take(&mut self, key: &str) -> Result<Value, String> {
        self.remove(key)
            .ok_or_else(|| format!("missing field `{key}`"))
    }

    /// A required field read as a `T`.
    pub fn get<T: Json>(&mut self, key: &str) -> Result<T, String> {
        let value = self.take(key)?;
        read(key, value)
    }

    /// A field read as a `T`, `default()` when missing.
    pub fn or<T: Json>(&mut self, key: &str, default: impl FnOnce() -> T) -> Result<T, String> {
        match self.remove(key) {
            Some(value) => read(key, value),
            None => Ok(default()),
        }
    }

    /// A field read as a `T`, its default when missing.
    pub fn or_default<T: Json + Default>(&mut self, key: &str) -> Result<T, String> {
        self.or(key, T::default)
    }

    /// An optional field: `None` when missing or `null`.
    pub fn opt<T: Json>(&mut self, key: &str) -> Result<Option<T>, String> {
        match self.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(key, value).map(Some),
        }
    }

    /// A required non-negative integer.
    pub fn count(&mut self, key: &str) -> Result<usize, String> {
        self.take(key)?
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("`{key}`: expected a non-negative integer"))
    }

    /// A boolean that may be `null` or missing (`None`).
    pub fn opt_bool(&mut self, key: &str) -> Result<Option<bool>, String> {
        match self.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(_) => Err(format!("`{key}`: expected a boolean")),
        }
    }

    /// A boolean, false when missing.
    pub fn flag(&mut self, key: &str) -> Result<bool, String> {
        match self.remove(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(b),
            Some(_) => Err(format!("`{key}`: expected a boolean")),
        }
    }
}

/// The field `key`'s `value` read as a `T`.
fn read<T: Json>(key: &str, value: Value) -> Result<T, String> {
    T::read_json(value).map_err(|e| field_error(key, e))
}

/// The error of the field `key` (one copy for every field type).
fn field_error(key: &str, e: String) -> String {
    format!("`{key}`: {e}")
}

/// `compact` JSON text laid out as `serde_json::to_string_pretty` lays it out (two spaces a level),
/// its keys in the order they are.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}
