//! SCIM PATCH (RFC 7644 §3.5.2) applied to a resource's JSON: `add`,
//! `replace` and `remove`, with or without a path; paths may name a
//! sub-attribute (`name.givenName`) or filter a multi-valued attribute
//! (`members[value eq "…"]`, `emails[type eq "work"].value`). The result is
//! then saved like a PUT, through the same service.

use super::filter::{get_ci, parse, strip_urn, Filter};
use serde_json::{Map, Value};

/// Why a PATCH could not be applied, with its SCIM `scimType`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchError {
    pub scim_type: &'static str,
    pub detail: String,
}

fn error(scim_type: &'static str, detail: impl Into<String>) -> PatchError {
    PatchError {
        scim_type,
        detail: detail.into(),
    }
}

/// A parsed path: `attr`, `attr.sub`, `attr[filter]` or `attr[filter].sub`.
struct PathSpec {
    attr: String,
    filter: Option<Filter>,
    sub: Option<String>,
}

fn parse_path(path: &str) -> Result<PathSpec, PatchError> {
    let path = path.trim();
    if let Some(open) = path.find('[') {
        let close = path
            .rfind(']')
            .filter(|close| *close > open)
            .ok_or_else(|| error("invalidPath", format!("{path}: \"]\" is missing.")))?;
        let attr = strip_urn(&path[..open]);
        let filter = parse(&path[open + 1..close])
            .map_err(|e| error("invalidFilter", format!("{path}: {}", e.0)))?;
        let rest = path[close + 1..].trim_start_matches('.');
        return Ok(PathSpec {
            attr,
            filter: Some(filter),
            sub: (!rest.is_empty()).then(|| rest.to_string()),
        });
    }
    let path = strip_urn(path);
    match path.split_once('.') {
        Some((attr, sub)) => Ok(PathSpec {
            attr: attr.to_string(),
            filter: None,
            sub: Some(sub.to_string()),
        }),
        None if path.is_empty() => Err(error("invalidPath", "The path is empty.")),
        None => Ok(PathSpec {
            attr: path,
            filter: None,
            sub: None,
        }),
    }
}

/// The key of `object` matching `name` case-insensitively, or `name`.
fn key_of(object: &Map<String, Value>, name: &str) -> String {
    object
        .keys()
        .find(|k| k.eq_ignore_ascii_case(name))
        .cloned()
        .unwrap_or_else(|| name.to_string())
}

fn object_mut(v: &mut Value) -> Result<&mut Map<String, Value>, PatchError> {
    if v.is_null() {
        *v = Value::Object(Map::new());
    }
    v.as_object_mut().ok_or_else(|| {
        error(
            "invalidPath",
            "The path goes through a value that is not an object.",
        )
    })
}

/// Applies one operation to `resource`.
pub fn apply(
    resource: &mut Value,
    op: &str,
    path: Option<&str>,
    value: Option<&Value>,
) -> Result<(), PatchError> {
    let op = op.to_ascii_lowercase();
    let Some(path) = path.filter(|p| !p.trim().is_empty()) else {
        // No path: the value is an object of attributes to add or replace.
        if op == "remove" {
            return Err(error("noTarget", "A remove needs a path."));
        }
        let Some(Value::Object(attrs)) = value else {
            return Err(error(
                "invalidValue",
                "Without a path, the value must be an object.",
            ));
        };
        for (name, v) in attrs {
            apply(resource, &op, Some(name), Some(v))?;
        }
        return Ok(());
    };
    let spec = parse_path(path)?;
    let root = object_mut(resource)?;
    let key = key_of(root, &spec.attr);
    match (op.as_str(), spec.filter) {
        ("add" | "replace", None) => {
            let value = value
                .ok_or_else(|| error("invalidValue", format!("{op} {path}: a value is needed.")))?;
            let target = root.entry(key).or_insert(Value::Null);
            match spec.sub {
                Some(sub) => {
                    let inner = object_mut(target)?;
                    let k = key_of(inner, &sub);
                    inner.insert(k, value.clone());
                }
                None => match (op.as_str(), &mut *target, value) {
                    // Adding to a multi-valued attribute appends.
                    ("add", Value::Array(items), Value::Array(new)) => {
                        for v in new {
                            if !items.contains(v) {
                                items.push(v.clone());
                            }
                        }
                    }
                    ("add", Value::Array(items), v) => {
                        if !items.contains(v) {
                            items.push(v.clone());
                        }
                    }
                    // Adding to a complex attribute merges.
                    ("add", Value::Object(existing), Value::Object(new)) => {
                        for (k, v) in new {
                            let k2 = key_of(existing, k);
                            existing.insert(k2, v.clone());
                        }
                    }
                    _ => *target = value.clone(),
                },
            }
            Ok(())
        }
        ("remove", None) => {
            match spec.sub {
                Some(sub) => {
                    if let Some(Value::Object(inner)) = root.get_mut(&key) {
                        let k = key_of(inner, &sub);
                        inner.remove(&k);
                    }
                }
                None => {
                    // `remove` with a value on a multi-valued attribute removes those values.
                    match (root.get_mut(&key), value) {
                        (Some(Value::Array(items)), Some(Value::Array(gone))) => {
                            items.retain(|item| {
                                !gone.iter().any(|g| g == item || same_value(g, item))
                            });
                        }
                        _ => {
                            root.remove(&key);
                        }
                    }
                }
            }
            Ok(())
        }
        (op @ ("add" | "replace" | "remove"), Some(filter)) => {
            let Some(Value::Array(items)) = root.get_mut(&key) else {
                return if op == "remove" {
                    Ok(())
                } else {
                    Err(error("noTarget", format!("{path}: no value matches.")))
                };
            };
            let matching: Vec<usize> = (0..items.len())
                .filter(|i| filter.matches(&items[*i]))
                .collect();
            if matching.is_empty() && op != "remove" {
                return Err(error("noTarget", format!("{path}: no value matches.")));
            }
            match (op, spec.sub) {
                ("remove", None) => {
                    let mut i = 0;
                    items.retain(|_| {
                        let keep = !matching.contains(&i);
                        i += 1;
                        keep
                    });
                }
                ("remove", Some(sub)) => {
                    for i in matching {
                        if let Value::Object(item) = &mut items[i] {
                            let k = key_of(item, &sub);
                            item.remove(&k);
                        }
                    }
                }
                (_, Some(sub)) => {
                    let value = value.ok_or_else(|| {
                        error("invalidValue", format!("{path}: a value is needed."))
                    })?;
                    for i in matching {
                        let item = object_mut(&mut items[i])?;
                        let k = key_of(item, &sub);
                        item.insert(k, value.clone());
                    }
                }
                (_, None) => {
                    let value = value.ok_or_else(|| {
                        error("invalidValue", format!("{path}: a value is needed."))
                    })?;
                    for i in matching {
                        items[i] = value.clone();
                    }
                }
            }
            if items.is_empty() {
                root.remove(&key);
            }
            Ok(())
        }
        (other, _) => Err(error(
            "invalidValue",
            format!("Unknown operation {other:?}: use add, replace or remove."),
        )),
    }
}

/// Two multi-valued entries naming the same `value`.
fn same_value(a: &Value, b: &Value) -> bool {
    match (get_ci(a, "value"), get_ci(b, "value")) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn add_replace_remove_with_and_without_paths() {
        let mut g = json!({"displayName": "Sales", "members": [{"value": "u1"}]});
        apply(
            &mut g,
            "Add",
            Some("members"),
            Some(&json!([{"value": "u2"}])),
        )
        .unwrap();
        assert_eq!(g["members"], json!([{"value": "u1"}, {"value": "u2"}]));
        apply(&mut g, "remove", Some(r#"members[value eq "u1"]"#), None).unwrap();
        assert_eq!(g["members"], json!([{"value": "u2"}]));
        apply(
            &mut g,
            "replace",
            None,
            Some(&json!({"displayName": "Sales EU"})),
        )
        .unwrap();
        assert_eq!(g["displayName"], "Sales EU");
        apply(&mut g, "remove", Some("members"), None).unwrap();
        assert!(g.get("members").is_none());

        let mut u = json!({"userName": "a", "emails": [{"value": "a@x", "type": "work"}]});
        apply(
            &mut u,
            "replace",
            Some(r#"emails[type eq "work"].value"#),
            Some(&json!("b@x")),
        )
        .unwrap();
        assert_eq!(u["emails"][0]["value"], "b@x");
        apply(&mut u, "replace", Some("active"), Some(&json!(false))).unwrap();
        assert_eq!(u["active"], false);
        apply(&mut u, "add", Some("name.givenName"), Some(&json!("Ana"))).unwrap();
        assert_eq!(u["name"]["givenName"], "Ana");
        apply(
            &mut u,
            "remove",
            Some("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName"),
            None,
        )
        .unwrap();
        assert_eq!(u["name"], json!({}));
    }

    #[test]
    fn bad_operations_name_their_scim_type() {
        let mut u = json!({"userName": "a"});
        assert_eq!(
            apply(&mut u, "remove", None, None).unwrap_err().scim_type,
            "noTarget"
        );
        assert_eq!(
            apply(&mut u, "move", Some("userName"), Some(&json!("b")))
                .unwrap_err()
                .scim_type,
            "invalidValue"
        );
        assert_eq!(
            apply(&mut u, "add", Some("emails[type eq]"), Some(&json!("b")))
                .unwrap_err()
                .scim_type,
            "invalidFilter"
        );
    }

    #[test]
    fn a_closing_bracket_before_the_opening_one_is_a_bad_path_not_a_panic() {
        let mut u = json!({"userName": "a"});
        let e = apply(&mut u, "remove", Some("a]b[c"), None).unwrap_err();
        assert_eq!(e.scim_type, "invalidPath");
    }
}
