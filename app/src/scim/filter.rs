//! SCIM filters (RFC 7644 §3.4.2.2) parsed and evaluated over a resource's
//! JSON: `eq ne co sw ew gt ge lt le pr`, `and`, `or`, `not ( … )`,
//! parentheses and value paths (`emails[type eq "work"]`). Attribute names
//! and string comparisons are case-insensitive; a multi-valued attribute
//! matches when any of its values does.

use serde_json::Value;

/// A parsed filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// `attr op value`, or `attr pr` (`value` is `None`).
    Compare {
        path: Vec<String>,
        op: Op,
        value: Option<Value>,
    },
    /// `attr[filter]`, optionally followed by `.sub` comparisons inside.
    ValuePath {
        attr: String,
        inner: Box<Filter>,
    },
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Gt,
    Ge,
    Lt,
    Le,
    Pr,
}

/// Why a filter could not be read (SCIM `invalidFilter`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError(pub String);

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Open,
    Close,
    OpenBracket,
    CloseBracket,
}

fn tokenize(text: &str) -> Result<Vec<Token>, FilterError> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            '[' => {
                out.push(Token::OpenBracket);
                i += 1;
            }
            ']' => {
                out.push(Token::CloseBracket);
                i += 1;
            }
            '"' => {
                // A JSON string: find its end, honouring escapes.
                let start = i;
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i >= chars.len() {
                    return Err(FilterError("A string is not closed.".into()));
                }
                let raw: String = chars[start..=i].iter().collect();
                let s: String = serde_json::from_str(&raw)
                    .map_err(|_| FilterError(format!("Bad string {raw}.")))?;
                out.push(Token::Str(s));
                i += 1;
            }
            _ => {
                let start = i;
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '[' | ']' | '"')
                {
                    i += 1;
                }
                out.push(Token::Word(chars[start..i].iter().collect()));
            }
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }

    fn or(&mut self) -> Result<Filter, FilterError> {
        let mut left = self.and()?;
        while self.keyword("or") {
            self.at += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, FilterError> {
        let mut left = self.unary()?;
        while self.keyword("and") {
            self.at += 1;
            left = Filter::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, FilterError> {
        if self.keyword("not") {
            self.at += 1;
            return Ok(Filter::Not(Box::new(self.group()?)));
        }
        if self.peek() == Some(&Token::Open) {
            return self.group();
        }
        self.comparison()
    }

    fn group(&mut self) -> Result<Filter, FilterError> {
        if self.next() != Some(Token::Open) {
            return Err(FilterError("Expected \"(\".".into()));
        }
        let inner = self.or()?;
        if self.next() != Some(Token::Close) {
            return Err(FilterError("Expected \")\".".into()));
        }
        Ok(inner)
    }

    fn comparison(&mut self) -> Result<Filter, FilterError> {
        let Some(Token::Word(attr)) = self.next() else {
            return Err(FilterError("Expected an attribute name.".into()));
        };
        let attr = strip_urn(&attr);
        if self.peek() == Some(&Token::OpenBracket) {
            self.at += 1;
            let inner = self.or()?;
            if self.next() != Some(Token::CloseBracket) {
                return Err(FilterError("Expected \"]\".".into()));
            }
            return Ok(Filter::ValuePath {
                attr,
                inner: Box::new(inner),
            });
        }
        let Some(Token::Word(op)) = self.next() else {
            return Err(FilterError(format!("Expected an operator after {attr}.")));
        };
        let op = match op.to_ascii_lowercase().as_str() {
            "eq" => Op::Eq,
            "ne" => Op::Ne,
            "co" => Op::Co,
            "sw" => Op::Sw,
            "ew" => Op::Ew,
            "gt" => Op::Gt,
            "ge" => Op::Ge,
            "lt" => Op::Lt,
            "le" => Op::Le,
            "pr" => Op::Pr,
            other => return Err(FilterError(format!("Unknown operator {other:?}."))),
        };
        let path: Vec<String> = attr.split('.').map(str::to_string).collect();
        if op == Op::Pr {
            return Ok(Filter::Compare {
                path,
                op,
                value: None,
            });
        }
        let value = match self.next() {
            Some(Token::Str(s)) => Value::String(s),
            Some(Token::Word(w)) => match w.to_ascii_lowercase().as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                _ => serde_json::from_str::<serde_json::Number>(&w)
                    .map(Value::Number)
                    .map_err(|_| FilterError(format!("Bad value {w:?}; quote strings.")))?,
            },
            _ => return Err(FilterError(format!("Expected a value after {attr}."))),
        };
        Ok(Filter::Compare {
            path,
            op,
            value: Some(value),
        })
    }
}

/// `urn:…:User:userName` → `userName`; other names unchanged.
pub fn strip_urn(attr: &str) -> String {
    if attr.to_ascii_lowercase().starts_with("urn:") {
        attr.rsplit(':').next().unwrap_or(attr).to_string()
    } else {
        attr.to_string()
    }
}

/// Parses a filter.
pub fn parse(text: &str) -> Result<Filter, FilterError> {
    let mut p = Parser {
        tokens: tokenize(text)?,
        at: 0,
    };
    let f = p.or()?;
    if p.at != p.tokens.len() {
        return Err(FilterError("Unexpected text after the filter.".into()));
    }
    Ok(f)
}

/// The member of `object` named `name`, case-insensitively.
pub fn get_ci<'a>(object: &'a Value, name: &str) -> Option<&'a Value> {
    object
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// Every value at `path` (flattening multi-valued attributes).
fn values_at<'a>(resource: &'a Value, path: &[String]) -> Vec<&'a Value> {
    let mut current = vec![resource];
    for (i, name) in path.iter().enumerate() {
        let mut next = Vec::new();
        for v in current {
            match get_ci(v, name) {
                Some(Value::Array(items)) => next.extend(items.iter()),
                Some(found) => next.push(found),
                None => {}
            }
        }
        current = next;
        // `emails eq "x"` on a multi-valued complex attribute compares `value`.
        if i + 1 == path.len() {
            current = current
                .into_iter()
                .map(|v| {
                    if v.is_object() {
                        get_ci(v, "value").unwrap_or(v)
                    } else {
                        v
                    }
                })
                .collect();
        }
    }
    current
}

fn compare(actual: &Value, op: Op, expected: &Value) -> bool {
    use std::cmp::Ordering;
    let ordering = match (actual, expected) {
        (Value::String(a), Value::String(b)) => {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            match op {
                Op::Co => return a.contains(&b),
                Op::Sw => return a.starts_with(&b),
                Op::Ew => return a.ends_with(&b),
                _ => a.cmp(&b),
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            a.partial_cmp(&b).unwrap_or(Ordering::Equal)
        }
        (Value::Bool(a), Value::Bool(b)) => match op {
            Op::Eq => return a == b,
            Op::Ne => return a != b,
            _ => return false,
        },
        (a, Value::Null) => {
            return match op {
                Op::Eq => a.is_null(),
                Op::Ne => !a.is_null(),
                _ => false,
            }
        }
        _ => return op == Op::Ne,
    };
    match op {
        Op::Eq => ordering == Ordering::Equal,
        Op::Ne => ordering != Ordering::Equal,
        Op::Gt => ordering == Ordering::Greater,
        Op::Ge => ordering != Ordering::Less,
        Op::Lt => ordering == Ordering::Less,
        Op::Le => ordering != Ordering::Greater,
        Op::Co | Op::Sw | Op::Ew | Op::Pr => false,
    }
}

fn present(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

impl Filter {
    /// Whether `resource` matches.
    pub fn matches(&self, resource: &Value) -> bool {
        match self {
            Filter::And(a, b) => a.matches(resource) && b.matches(resource),
            Filter::Or(a, b) => a.matches(resource) || b.matches(resource),
            Filter::Not(f) => !f.matches(resource),
            Filter::ValuePath { attr, inner } => match get_ci(resource, attr) {
                Some(Value::Array(items)) => items.iter().any(|item| inner.matches(item)),
                Some(v) => inner.matches(v),
                None => false,
            },
            Filter::Compare { path, op, value } => {
                let found = values_at(resource, path);
                match (op, value) {
                    (Op::Pr, _) => found.into_iter().any(present),
                    (Op::Ne, Some(expected)) => {
                        found.is_empty() && !expected.is_null()
                            || (!found.is_empty()
                                && found.into_iter().all(|v| compare(v, Op::Ne, expected)))
                    }
                    (op, Some(expected)) => {
                        if expected.is_null() && found.is_empty() {
                            return *op == Op::Eq;
                        }
                        found.into_iter().any(|v| compare(v, *op, expected))
                    }
                    (_, None) => false,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user() -> Value {
        json!({"userName": "Ana@Contoso.example", "displayName": "Ana Lima", "active": true,
               "externalId": "x-17",
               "emails": [{"value": "ana@contoso.example", "type": "work", "primary": true},
                          {"value": "ana@home.example", "type": "home"}]})
    }

    fn m(f: &str) -> bool {
        parse(f)
            .map(|f| f.matches(&user()))
            .unwrap_or_else(|e| panic!("{f}: {e:?}"))
    }

    #[test]
    fn every_operator_on_every_attribute_the_issue_names() {
        assert!(m(r#"userName eq "ana@contoso.example""#));
        assert!(m(r#"USERNAME Eq "ANA@CONTOSO.EXAMPLE""#));
        assert!(!m(r#"userName ne "ana@contoso.example""#));
        assert!(m(r#"displayName co "lim""#));
        assert!(m(r#"displayName sw "Ana""#));
        assert!(m(r#"userName ew ".example""#));
        assert!(m(r#"emails co "home""#));
        assert!(m(r#"emails.value eq "ana@home.example""#));
        assert!(m(r#"emails[type eq "work" and value sw "ana@"]"#));
        assert!(!m(r#"emails[type eq "other"]"#));
        assert!(m("externalId pr"));
        assert!(!m("nickName pr"));
        assert!(m("active eq true"));
        assert!(!m("active eq false"));
        assert!(m(
            r#"active eq true and (displayName sw "Bo" or externalId eq "X-17")"#
        ));
        assert!(m(r#"not (displayName sw "Bo")"#));
        assert!(m(
            r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "ana""#
        ));
        assert!(m(
            r#"displayName sw "Bo" or active eq true and externalId pr"#
        ));
    }

    #[test]
    fn bad_filters_say_why() {
        for bad in [
            "userName",
            r#"userName zz "x""#,
            r#"userName eq "open"#,
            r#"(userName eq "x""#,
            "userName eq bare",
            r#"userName eq "x" extra"#,
        ] {
            assert!(parse(bad).is_err(), "{bad} parsed");
        }
    }
}
