//! Structured mutations of the real models, driven by fuzz input (target `model_mutations`).
//!
//! Input layout: byte 0 picks the base model ([`BASES`]); byte 1 how much of it is generated
//! (the whole model, or 1 to 3 operations, whose indices follow as one byte each); then records
//! of [`RECORD`] bytes, each one mutation: a kind byte, then argument bytes that choose shapes,
//! members, names and values among what the model holds at that point. Bytes that run out read
//! as zero, so every input is a program, and a record changed by the fuzzer changes one
//! mutation. Mutations aimed at a part of the model that is not there do nothing.
//!
//! When operations are chosen, mutations pick shapes among those the operations reach, so that
//! they matter to what is generated.

use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The real models, relative to this package: the AppStream models and the test models.
pub const BASES: &[&str] = &[
    "../../model/appstream-2016-12-01.json",
    "../../model/appstream-2016-12-01.2017-06-05.json",
    "../../tests/models/sqs-2012-11-05.json",
    "../../tests/models/secretsmanager-2017-10-17.json",
    "../../model/appstream-2016-12-01.latest.json",
    "../../tests/models/dynamodb-2012-08-10.json",
];

/// Bytes per mutation record.
pub const RECORD: usize = 8;
/// At most this many mutations are applied.
pub const MAX_MUTATIONS: usize = 24;

/// The base models, parsed once; a model that cannot be read is `Null` (and skipped).
pub fn bases() -> &'static [Value] {
    static BASES_READ: OnceLock<Vec<Value>> = OnceLock::new();
    BASES_READ.get_or_init(|| {
        BASES
            .iter()
            .map(|path| {
                let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read(path).unwrap_or_default();
                serde_json::from_slice(&text).unwrap_or(Value::Null)
            })
            .collect()
    })
}

/// A decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    pub base: usize,
    /// Indices of the chosen operations (into the base's sorted operation names); `None` for
    /// the whole model.
    pub operations: Option<Vec<u8>>,
    pub mutations: Vec<[u8; RECORD]>,
}

/// A mutated model, ready for the pipeline.
#[derive(Debug, Clone)]
pub struct Mutant {
    pub json: Vec<u8>,
    pub operations: Option<Vec<String>>,
    /// What each mutation did, in order (`-` for one that found nothing to change).
    pub applied: Vec<String>,
}

impl Program {
    pub fn decode(data: &[u8]) -> Program {
        let byte = |index: usize| data.get(index).copied().unwrap_or(0);
        let base = usize::from(byte(0)) % BASES.len();
        let selection = byte(1);
        // Only the smallest model is often generated whole: the others take long.
        let whole = if base == 0 { selection % 4 == 0 } else { selection % 32 == 0 };
        let (operations, start) = if whole {
            (None, 2)
        } else {
            let count = 1 + usize::from(selection >> 2) % 3;
            (Some((0..count).map(|i| byte(2 + i)).collect()), 2 + count)
        };
        let mutations = data
            .get(start..)
            .unwrap_or_default()
            .chunks(RECORD)
            .take(MAX_MUTATIONS)
            .map(|chunk| {
                let mut record = [0; RECORD];
                record[..chunk.len()].copy_from_slice(chunk);
                record
            })
            .collect();
        Program { base, operations, mutations }
    }

    /// The bytes that decode to this program.
    pub fn encode(&self) -> Vec<u8> {
        let mut data = vec![self.base as u8];
        match &self.operations {
            None => data.extend([0]),
            Some(operations) => {
                let count = operations.len().clamp(1, 3);
                // `selection % 4 != 0` (and `% 32`), with `count - 1` in bits 2 and up.
                data.push(((count as u8 - 1) << 2) | 1);
                data.extend(&operations[..count.min(operations.len())]);
                data.extend(std::iter::repeat_n(0, count - operations.len().min(count)));
            }
        }
        for record in &self.mutations {
            data.extend(record);
        }
        data
    }

    /// Applies the program to its base model; `None` if the base could not be read.
    pub fn apply(&self) -> Option<Mutant> {
        let mut model = bases().get(self.base)?.clone();
        if !model.is_object() {
            return None;
        }
        let names = operation_names(&model);
        let mut operations: Option<Vec<String>> = self.operations.as_ref().map(|indices| {
            let chosen: BTreeSet<String> = indices
                .iter()
                .filter_map(|&i| names.get(usize::from(i) % names.len().max(1)).cloned())
                .collect();
            chosen.into_iter().collect()
        });
        let mut applied = Vec::new();
        for record in &self.mutations {
            let mut mutation =
                Mutation { model: &mut model, args: record, next: 1, operations: &mut operations };
            applied.push(mutation.apply(record[0]).unwrap_or_else(|| "-".to_owned()));
        }
        // Operations renamed or deleted leave the selection; an emptied one is the first.
        let operations = operations.map(|chosen| {
            let present = operation_names(&model);
            let kept: Vec<String> =
                chosen.into_iter().filter(|name| present.contains(name)).collect();
            if kept.is_empty() { present.into_iter().take(1).collect() } else { kept }
        });
        let operations = operations.filter(|chosen| !chosen.is_empty());
        let json = serde_json::to_vec(&model).ok()?;
        Some(Mutant { json, operations, applied })
    }
}

fn operation_names(model: &Value) -> Vec<String> {
    model
        .get("operations")
        .and_then(Value::as_object)
        .map(|ops| ops.keys().cloned().collect())
        .unwrap_or_default()
}

fn shape_names(model: &Value) -> Vec<String> {
    model
        .get("shapes")
        .and_then(Value::as_object)
        .map(|shapes| shapes.keys().cloned().collect())
        .unwrap_or_default()
}

/// Names of shapes a reference object points at: `{"shape": "…"}`.
fn target(reference: &Value) -> Option<&str> {
    reference.get("shape").and_then(Value::as_str)
}

/// Every shape reached from `operations`, through input, output, errors, members, list members,
/// keys and values.
fn reachable(model: &Value, operations: &[String]) -> Vec<String> {
    let mut pending: Vec<String> = Vec::new();
    for name in operations {
        if let Some(operation) = model.get("operations").and_then(|ops| ops.get(name)) {
            for role in ["input", "output"] {
                pending.extend(operation.get(role).and_then(target).map(str::to_owned));
            }
            for error in operation.get("errors").and_then(Value::as_array).into_iter().flatten() {
                pending.extend(target(error).map(str::to_owned));
            }
        }
    }
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        let Some(shape) = model.get("shapes").and_then(|shapes| shapes.get(&name)) else {
            continue;
        };
        if !seen.insert(name) {
            continue;
        }
        for member in
            shape.get("members").and_then(Value::as_object).into_iter().flat_map(|m| m.values())
        {
            pending.extend(target(member).map(str::to_owned));
        }
        for role in ["member", "key", "value"] {
            pending.extend(shape.get(role).and_then(target).map(str::to_owned));
        }
    }
    seen.into_iter().collect()
}

/// Names that stress naming: keywords, prelude and runtime names, case and separator
/// collisions, unicode, control characters, quotes, empties.
pub const NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "r#type",
    "fn",
    "async",
    "await",
    "dyn",
    "try",
    "union",
    "match",
    "mod",
    "ref",
    "move",
    "impl",
    "trait",
    "where",
    "macro_rules",
    "gen",
    "Unknown",
    "Unmodeled",
    "Default",
    "Result",
    "Option",
    "String",
    "Vec",
    "Box",
    "Some",
    "None",
    "Ok",
    "Err",
    "Error",
    "Input",
    "Output",
    "SERVICE",
    "Operation",
    "Request",
    "Response",
    "Service",
    "DateTime",
    "Blob",
    "Document",
    "new",
    "serde",
    "std",
    "core",
    "_",
    "__",
    "_x",
    "x_",
    "a__b",
    "1abc",
    "123",
    "a-b",
    "a b",
    "a.b",
    "a:b",
    "a#b",
    "A",
    "a",
    "AB",
    "ab",
    "Ab",
    "aB",
    "ABC",
    "HTTPSConfig",
    "HttpsConfig",
    "https_config",
    "ü",
    "Ünïcödé",
    "日本語",
    "𝔘nicode",
    "ＡＢ",
    "é",
    "ß",
    "ǅ",
    "İ",
    "\u{0}",
    "\t",
    "\n",
    "Fleet\n",
    "a\"b",
    "a\\b",
    "{}",
    "*/",
    "/*",
    "//",
    "#[x]",
    "\u{202e}rtl",
    "😀",
    "",
    " ",
    "  lead",
    "trail  ",
    "r#",
    "'a",
    "$crate",
    "<T>",
    "a,b",
    "Name",
    "name",
    "NAME",
    "Fleets",
    "fleets",
    "Message",
    "message",
    "Code",
    "code",
    "NextToken",
    "nextToken",
];

/// Enum values with odd characters, duplicates after conversion, empties and keywords.
const ENUM_VALUES: &[&str] = &[
    "", " ", "a", "A", "a-b", "a_b", "A_B", "aB", "Ab", "a.b", "a/b", "a b", "1", "-1", "1.5",
    "0x1F", "ü", "日本", "\u{0}", "\"", "\\", "'", "Unknown", "UNKNOWN", "unknown", "Self", "self",
    "type", "None", "Some", "#", "*/", "/*", "//", "a\nb", "\u{202e}", "😀", " x", "x ", "RUNNING",
    "running", "Running", "r#type", "_", "__", "$", "{", "}", "<b>",
];

/// Documentation that stresses the HTML-to-Markdown rendering and the doc lints.
const DOCS: &[&str] = &[
    "<p>a</p>",
    "<code>x</code>",
    "</p>",
    "<ul><li>a</li><li>b</li></ul>",
    "<ul><li><p>a</p><ul><li>nested</li></ul></li></ul>",
    "<ol><li>one</li><li>two</li></ol>",
    "[link](x)",
    "`",
    "```",
    "```rust\nfn x() {}\n```",
    "<a href=\"x\">y</a>",
    "<a href=\"https://example.com\">https://example.com</a>",
    "https://example.com/a_b",
    "<https://example.com>",
    "*/",
    "/* x",
    "#[doc]",
    "\\",
    "<b>bold",
    "&lt;T&gt; &amp; &#0; &nbsp; &unknown;",
    "<note>n</note>",
    "    indented code",
    "\n\n\n",
    "<pre>fn x() { 1 }</pre>",
    "a\r\nb",
    "<",
    "<br/>",
    "[x]",
    "[`X`]",
    "[x]: y",
    "Vec<String>",
    "<T>",
    "<p>1. a</p><p>2. b</p>",
    "<li>",
    "<p>- a\n- b\nc</p>",
    "# Heading",
    "<h1>Heading</h1>",
    "<table><tr><td>a</td></tr></table>",
    "a\u{0}b",
    "\u{202e}",
    "<p>   </p>",
    "<i>*</i>_<i>_</i>",
    "a  \nb",
    "<dl><dt>a</dt><dd>b</dd></dl>",
    "<p>a</p>\n<p>b</p>",
    "<code>a\nb</code>",
    "<a>no href</a>",
    "<img src=\"x\">",
    "<script>x</script>",
    "{@link X}",
    "%s %d {} {{}}",
    "\"quoted\" 'single'",
];

/// Types a shape can be given.
const TYPES: &[&str] = &[
    "structure",
    "list",
    "map",
    "string",
    "integer",
    "long",
    "float",
    "double",
    "boolean",
    "blob",
    "timestamp",
    "bigInteger",
    "bigDecimal",
    "byte",
    "short",
    "character",
    "enum",
    "intEnum",
    "document",
    "union",
    "bogus",
    "",
];

/// Values a flag or setting can be given.
fn odd_value(byte: u8) -> Value {
    match byte % 12 {
        0..=4 => json!(true),
        5 | 6 => json!(false),
        7 => json!(null),
        8 => json!(1),
        9 => json!("true"),
        10 => json!({}),
        _ => json!([]),
    }
}

const SHAPE_FLAGS: &[&str] = &[
    "deprecated",
    "sensitive",
    "union",
    "document",
    "eventstream",
    "exception",
    "fault",
    "event",
    "streaming",
    "requiresLength",
    "wrapper",
    "synthetic",
    "box",
    "error",
];

const MEMBER_FLAGS: &[&str] = &[
    "jsonvalue",
    "hostLabel",
    "deprecated",
    "idempotencyToken",
    "eventpayload",
    "eventheader",
    "streaming",
    "box",
    "flattened",
    "xmlAttribute",
    "contextParam",
    "required",
];

const TIMESTAMP_FORMATS: &[&str] =
    &["iso8601", "rfc822", "unixTimestamp", "ISO8601", "epoch-seconds", "", "http-date"];

/// One mutation being applied: the model, its argument bytes and how many were read.
struct Mutation<'a> {
    model: &'a mut Value,
    args: &'a [u8; RECORD],
    next: usize,
    operations: &'a mut Option<Vec<String>>,
}

impl Mutation<'_> {
    fn arg(&mut self) -> u8 {
        let byte = self.args.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        byte
    }

    fn pick<'n>(&mut self, names: &'n [String]) -> Option<&'n String> {
        let byte = self.arg();
        names.get(usize::from(byte) % names.len().max(1))
    }

    /// A shape the mutation aims at: among those the chosen operations reach, if chosen.
    fn shape(&mut self) -> Option<String> {
        let candidates = match self.operations.as_ref() {
            Some(operations) => reachable(self.model, operations),
            None => shape_names(self.model),
        };
        let candidates = if candidates.is_empty() { shape_names(self.model) } else { candidates };
        self.pick(&candidates).cloned()
    }

    /// Any shape of the model.
    fn any_shape(&mut self) -> Option<String> {
        let names = shape_names(self.model);
        self.pick(&names).cloned()
    }

    fn shape_mut(&mut self, name: &str) -> Option<&mut Map<String, Value>> {
        self.model.get_mut("shapes")?.get_mut(name)?.as_object_mut()
    }

    fn members_of(&self, shape: &str) -> Vec<String> {
        (self.model.get("shapes").and_then(|s| s.get(shape)).and_then(|s| s.get("members")))
            .and_then(Value::as_object)
            .map(|members| members.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// A shape with members (among the aimed-at ones, if any has members), and one of them.
    fn member(&mut self) -> Option<(String, String)> {
        let candidates = match self.operations.as_ref() {
            Some(operations) => reachable(self.model, operations),
            None => shape_names(self.model),
        };
        let with_members = |names: Vec<String>| -> Vec<String> {
            names.into_iter().filter(|name| !self.members_of(name).is_empty()).collect()
        };
        let mut candidates = with_members(candidates);
        if candidates.is_empty() {
            candidates = with_members(shape_names(self.model));
        }
        let shape = self.pick(&candidates)?.clone();
        let members = self.members_of(&shape);
        let member = self.pick(&members)?.clone();
        Some((shape, member))
    }

    /// A name: from [`NAMES`], or one made from a name of the model (case and separator
    /// variants, suffixes), so that it collides after conversion to Rust.
    fn name(&mut self, existing: &[String]) -> String {
        let byte = self.arg();
        if byte < 128 || existing.is_empty() {
            return NAMES[usize::from(byte) % NAMES.len()].to_owned();
        }
        let base = existing[usize::from(self.arg()) % existing.len()].clone();
        match byte % 12 {
            0 => base.to_lowercase(),
            1 => base.to_uppercase(),
            2 => format!("{base}_"),
            3 => format!("_{base}"),
            4 => format!("{base}s"),
            5 => format!("{base}Error"),
            6 => format!("{base}Input"),
            7 => {
                let mut out = String::new();
                for (i, c) in base.chars().enumerate() {
                    if i > 0 && c.is_uppercase() {
                        out.push('_');
                    }
                    out.push(c);
                }
                out
            }
            8 => format!("{base} "),
            9 => format!("{base}Request"),
            10 => format!("{base}1"),
            _ => base,
        }
    }

    fn apply(&mut self, kind: u8) -> Option<String> {
        // 32 slots, so that a kind added later (in a spare slot) leaves every kept program
        // meaning what it meant.
        match kind % 32 {
            0 => self.rename_shape(),
            1 => self.delete_shape(),
            2 => self.duplicate_shape(),
            3 => self.rename_member(),
            4 => self.delete_member(),
            5 => self.duplicate_member(),
            6 => self.set_type(),
            7 => self.add_required(),
            8 => self.retarget_member(),
            9 => self.make_cycle(),
            10 => self.set_shape_flag(),
            11 => self.set_member_flag(),
            12 => self.timestamp_format(),
            13 => self.deep_nesting(),
            14 => self.enum_values(),
            15 => self.add_member(),
            16 => self.operation_reference(),
            17 => self.metadata(),
            18 => self.documentation(),
            19 => self.host_prefix(),
            20 => self.request_compression(),
            21 => self.integer_enum(),
            22 => self.operation_rename(),
            23 => self.error_shape(),
            24 => self.location_name(),
            25 => self.make_union(),
            26 => self.deprecated_message(),
            27 => self.shape_key_value(),
            28 => self.constraints(),
            29 => self.set_element_flag(),
            // Spare slots: the most productive kinds again.
            30 => self.documentation(),
            _ => self.constraints(),
        }
    }

    fn rename_shape(&mut self) -> Option<String> {
        let old = self.shape()?;
        let new = self.name(&shape_names(self.model));
        if old == new {
            return None;
        }
        let shapes = self.model.get_mut("shapes")?.as_object_mut()?;
        let shape = shapes.remove(&old)?;
        shapes.insert(new.clone(), shape);
        retarget_all(self.model, &old, &new);
        Some(format!("rename shape {old:?} to {new:?} (and every reference)"))
    }

    fn delete_shape(&mut self) -> Option<String> {
        let name = self.shape()?;
        self.model.get_mut("shapes")?.as_object_mut()?.remove(&name)?;
        Some(format!("delete shape {name:?}"))
    }

    fn duplicate_shape(&mut self) -> Option<String> {
        let name = self.shape()?;
        let new = self.name(&shape_names(self.model));
        let shape = self.model.get("shapes")?.get(&name)?.clone();
        self.model.get_mut("shapes")?.as_object_mut()?.insert(new.clone(), shape);
        // Point one member that names the original at the copy.
        let (holder, member) = self.member()?;
        let reference = self.shape_mut(&holder)?.get_mut("members")?.get_mut(&member)?;
        set_key(reference, "shape", json!(new));
        Some(format!("copy shape {name:?} as {new:?}; {holder:?}.{member:?} -> {new:?}"))
    }

    fn rename_member(&mut self) -> Option<String> {
        let (shape, old) = self.member()?;
        let new = self.name(&self.members_of(&shape));
        let object = self.shape_mut(&shape)?;
        let members = object.get_mut("members")?.as_object_mut()?;
        let member = members.remove(&old)?;
        members.insert(new.clone(), member);
        if let Some(required) = object.get_mut("required").and_then(Value::as_array_mut) {
            for entry in required.iter_mut() {
                if entry.as_str() == Some(old.as_str()) {
                    *entry = json!(new);
                }
            }
        }
        Some(format!("rename member {shape:?}.{old:?} to {new:?}"))
    }

    fn delete_member(&mut self) -> Option<String> {
        let (shape, member) = self.member()?;
        let keep_required = self.arg() % 2 == 0;
        let object = self.shape_mut(&shape)?;
        object.get_mut("members")?.as_object_mut()?.remove(&member);
        if !keep_required {
            if let Some(required) = object.get_mut("required").and_then(Value::as_array_mut) {
                required.retain(|entry| entry.as_str() != Some(member.as_str()));
            }
        }
        let how = if keep_required { " (left in `required`)" } else { "" };
        Some(format!("delete member {shape:?}.{member:?}{how}"))
    }

    fn duplicate_member(&mut self) -> Option<String> {
        let (shape, member) = self.member()?;
        let new = self.name(&self.members_of(&shape));
        let object = self.shape_mut(&shape)?;
        let members = object.get_mut("members")?.as_object_mut()?;
        let copy = members.get(&member)?.clone();
        members.insert(new.clone(), copy);
        Some(format!("copy member {shape:?}.{member:?} as {new:?}"))
    }

    fn set_type(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let shape_type = TYPES[usize::from(self.arg()) % TYPES.len()];
        self.shape_mut(&shape)?.insert("type".to_owned(), json!(shape_type));
        Some(format!("shape {shape:?} type {shape_type:?}"))
    }

    fn add_required(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let members = self.members_of(&shape);
        let byte = self.arg();
        let name = if byte % 4 == 0 || members.is_empty() {
            self.name(&members)
        } else {
            members[usize::from(byte) % members.len()].clone()
        };
        let object = self.shape_mut(&shape)?;
        let required = object.entry("required").or_insert_with(|| json!([]));
        if !required.is_array() {
            *required = json!([]);
        }
        required.as_array_mut()?.push(json!(name));
        Some(format!("shape {shape:?} requires {name:?}"))
    }

    fn retarget_member(&mut self) -> Option<String> {
        let byte = self.arg();
        let holder = self.shape()?;
        let target = if byte % 3 == 0 { holder.clone() } else { self.any_shape()? };
        let role = ["member", "key", "value"][usize::from(byte / 3) % 3];
        let object = self.shape_mut(&holder)?;
        if object.contains_key(role) && byte % 2 == 0 {
            object.insert(role.to_owned(), json!({ "shape": target }));
            return Some(format!("{holder:?}.{role} -> {target:?}"));
        }
        let members = self.members_of(&holder);
        let member = self.pick(&members)?.clone();
        let reference = self.shape_mut(&holder)?.get_mut("members")?.get_mut(&member)?;
        set_key(reference, "shape", json!(target));
        Some(format!("member {holder:?}.{member:?} -> {target:?}"))
    }

    fn make_cycle(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let how = self.arg() % 4;
        let wrapper = format!("{shape}Cycle");
        let member_target = match how {
            0 => shape.clone(),
            _ => {
                let wrapped = match how {
                    1 => json!({"type": "list", "member": {"shape": shape}}),
                    2 => {
                        json!({"type": "map", "key": {"shape": "String"}, "value": {"shape": shape}})
                    }
                    _ => {
                        json!({"type": "structure", "members": {"Back": {"shape": shape}}, "required": ["Back"]})
                    }
                };
                self.model.get_mut("shapes")?.as_object_mut()?.insert(wrapper.clone(), wrapped);
                ensure_string(self.model);
                wrapper.clone()
            }
        };
        let required = self.arg() % 2 == 0;
        let object = self.shape_mut(&shape)?;
        let members = object.entry("members").or_insert_with(|| json!({}));
        members.as_object_mut()?.insert("Cycle".to_owned(), json!({ "shape": member_target }));
        if required {
            let list = object.entry("required").or_insert_with(|| json!([]));
            list.as_array_mut()?.push(json!("Cycle"));
        }
        let required = if required { " (required)" } else { "" };
        Some(format!("cycle: {shape:?}.Cycle{required} -> {member_target:?} (kind {how})"))
    }

    fn set_shape_flag(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let flag = SHAPE_FLAGS[usize::from(self.arg()) % SHAPE_FLAGS.len()];
        let value = odd_value(self.arg());
        self.shape_mut(&shape)?.insert(flag.to_owned(), value.clone());
        Some(format!("shape {shape:?} {flag} = {value}"))
    }

    fn set_member_flag(&mut self) -> Option<String> {
        let (shape, member) = self.member()?;
        let flag = MEMBER_FLAGS[usize::from(self.arg()) % MEMBER_FLAGS.len()];
        let value = odd_value(self.arg());
        let reference = self.shape_mut(&shape)?.get_mut("members")?.get_mut(&member)?;
        reference.as_object_mut()?.insert(flag.to_owned(), value.clone());
        Some(format!("member {shape:?}.{member:?} {flag} = {value}"))
    }

    /// A flag on a list's `member` or a map's `key` or `value`: `jsonvalue` half the time.
    fn set_element_flag(&mut self) -> Option<String> {
        let aimed = match self.operations.as_ref() {
            Some(operations) => reachable(self.model, operations),
            None => shape_names(self.model),
        };
        let shapes = self.model.get("shapes");
        let holds_elements = |name: &String| {
            let shape = shapes.and_then(|shapes| shapes.get(name));
            shape.is_some_and(|shape| shape.get("member").is_some() || shape.get("value").is_some())
        };
        let mut containers: Vec<String> = aimed.into_iter().filter(holds_elements).collect();
        if containers.is_empty() {
            containers = shape_names(self.model).into_iter().filter(holds_elements).collect();
        }
        let shape = self.pick(&containers)?.clone();
        let byte = self.arg();
        let flag = match byte % 2 {
            0 => "jsonvalue",
            _ => MEMBER_FLAGS[usize::from(byte / 2) % MEMBER_FLAGS.len()],
        };
        let value = odd_value(self.arg());
        let object = self.shape_mut(&shape)?;
        let role = match (object.contains_key("member"), byte / 2 % 2) {
            (true, _) => "member",
            (false, 0) => "value",
            (false, _) => "key",
        };
        let reference = object.get_mut(role)?.as_object_mut()?;
        reference.insert(flag.to_owned(), value.clone());
        Some(format!("{shape:?}.{role} {flag} = {value}"))
    }

    fn timestamp_format(&mut self) -> Option<String> {
        let byte = self.arg();
        let format = TIMESTAMP_FORMATS[usize::from(byte) % TIMESTAMP_FORMATS.len()];
        if byte >= 128 {
            let (shape, member) = self.member()?;
            let reference = self.shape_mut(&shape)?.get_mut("members")?.get_mut(&member)?;
            reference.as_object_mut()?.insert("timestampFormat".to_owned(), json!(format));
            return Some(format!("member {shape:?}.{member:?} timestampFormat {format:?}"));
        }
        let shape = self.shape()?;
        self.shape_mut(&shape)?.insert("timestampFormat".to_owned(), json!(format));
        Some(format!("shape {shape:?} timestampFormat {format:?}"))
    }

    fn deep_nesting(&mut self) -> Option<String> {
        let (holder, member) = self.member()?;
        let inner = self.any_shape()?;
        let depth = 1 + usize::from(self.arg()) % 48;
        let kinds = self.arg();
        ensure_string(self.model);
        let mut current = inner.clone();
        for level in 0..depth {
            let name = format!("Nest{level}{holder}");
            let shape = match (usize::from(kinds) + level) % 3 {
                0 => json!({"type": "list", "member": {"shape": current}}),
                1 => {
                    json!({"type": "map", "key": {"shape": "String"}, "value": {"shape": current}})
                }
                _ => json!({"type": "structure", "members": {"Inner": {"shape": current}}}),
            };
            self.model.get_mut("shapes")?.as_object_mut()?.insert(name.clone(), shape);
            current = name;
        }
        let reference = self.shape_mut(&holder)?.get_mut("members")?.get_mut(&member)?;
        set_key(reference, "shape", json!(current));
        Some(format!(
            "member {holder:?}.{member:?} -> {depth} levels (kinds {kinds}) around {inner:?}"
        ))
    }

    fn enum_values(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let count = usize::from(self.arg() % 6);
        let mut values = Vec::new();
        for _ in 0..count {
            let byte = self.arg();
            values.push(json!(ENUM_VALUES[usize::from(byte) % ENUM_VALUES.len()]));
        }
        if count == 0 {
            values.push(json!(""));
        }
        let set_type = self.arg() % 2 == 0;
        let object = self.shape_mut(&shape)?;
        if set_type {
            object.insert("type".to_owned(), json!("string"));
        }
        object.insert("enum".to_owned(), Value::Array(values.clone()));
        Some(format!("shape {shape:?} enum {}", Value::Array(values)))
    }

    fn add_member(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let name = self.name(&self.members_of(&shape));
        let target = self.any_shape()?;
        let required = self.arg() % 3 == 0;
        let object = self.shape_mut(&shape)?;
        let members = object.entry("members").or_insert_with(|| json!({}));
        members.as_object_mut()?.insert(name.clone(), json!({ "shape": target }));
        if required {
            let list = object.entry("required").or_insert_with(|| json!([]));
            list.as_array_mut()?.push(json!(name));
        }
        let required = if required { " (required)" } else { "" };
        Some(format!("add member {shape:?}.{name:?}{required} -> {target:?}"))
    }

    fn operation(&mut self) -> Option<String> {
        let names = match self.operations.as_ref() {
            Some(chosen) if !chosen.is_empty() => chosen.clone(),
            _ => operation_names(self.model),
        };
        self.pick(&names).cloned()
    }

    fn operation_mut(&mut self, name: &str) -> Option<&mut Map<String, Value>> {
        self.model.get_mut("operations")?.get_mut(name)?.as_object_mut()
    }

    fn operation_reference(&mut self) -> Option<String> {
        let operation = self.operation()?;
        let role = ["input", "output", "errors", "input", "output"][usize::from(self.arg()) % 5];
        let how = self.arg() % 4;
        let target = self.any_shape()?;
        let object = self.operation_mut(&operation)?;
        match (role, how) {
            (_, 0) => {
                object.remove(role);
                Some(format!("operation {operation:?} without {role}"))
            }
            ("errors", 1) => {
                object.insert(role.to_owned(), json!([{"shape": target}, {"shape": target}]));
                Some(format!("operation {operation:?} errors [{target:?}, {target:?}]"))
            }
            ("errors", _) => {
                let errors = object.entry("errors").or_insert_with(|| json!([]));
                errors.as_array_mut()?.push(json!({ "shape": target }));
                Some(format!("operation {operation:?} errors += {target:?}"))
            }
            _ => {
                object.insert(role.to_owned(), json!({ "shape": target }));
                Some(format!("operation {operation:?} {role} -> {target:?}"))
            }
        }
    }

    fn metadata(&mut self) -> Option<String> {
        let key = [
            "protocol",
            "jsonVersion",
            "targetPrefix",
            "protocols",
            "serviceFullName",
            "serviceId",
            "signingName",
            "endpointPrefix",
            "apiVersion",
            "uid",
        ];
        let key = key[usize::from(self.arg()) % key.len()];
        let values = [
            json!("json"),
            json!("rest-json"),
            json!("query"),
            json!("smithy-rpc-v2-cbor"),
            json!("1.0"),
            json!("1.1"),
            json!("2.0"),
            json!(["json"]),
            json!(["smithy-rpc-v2-cbor", "json"]),
            json!([]),
            json!(""),
            json!(null),
            json!("Ünïcödé \"service\" */"),
            json!("a\nb"),
            json!(1),
        ];
        let byte = self.arg();
        let value = if byte >= 200 {
            json!(NAMES[usize::from(byte) % NAMES.len()])
        } else {
            values[usize::from(byte) % values.len()].clone()
        };
        let metadata = self.model.get_mut("metadata")?.as_object_mut()?;
        if value.is_null() {
            metadata.remove(key);
        } else {
            metadata.insert(key.to_owned(), value.clone());
        }
        Some(format!("metadata {key} = {value}"))
    }

    fn documentation(&mut self) -> Option<String> {
        let byte = self.arg();
        let first = DOCS[usize::from(self.arg()) % DOCS.len()];
        let second = DOCS[usize::from(self.arg()) % DOCS.len()];
        let docs = if byte & 1 == 0 { first.to_owned() } else { format!("{first}{second}") };
        match byte % 8 {
            0 | 1 => {
                self.model.as_object_mut()?.insert("documentation".to_owned(), json!(docs));
                Some(format!("service documentation {docs:?}"))
            }
            2 | 3 => {
                let operation = self.operation()?;
                self.operation_mut(&operation)?.insert("documentation".to_owned(), json!(docs));
                Some(format!("operation {operation:?} documentation {docs:?}"))
            }
            4 | 5 => {
                let (shape, member) = self.member()?;
                let reference = self.shape_mut(&shape)?.get_mut("members")?.get_mut(&member)?;
                reference.as_object_mut()?.insert("documentation".to_owned(), json!(docs));
                Some(format!("member {shape:?}.{member:?} documentation {docs:?}"))
            }
            _ => {
                let shape = self.shape()?;
                self.shape_mut(&shape)?.insert("documentation".to_owned(), json!(docs));
                Some(format!("shape {shape:?} documentation {docs:?}"))
            }
        }
    }

    fn host_prefix(&mut self) -> Option<String> {
        let operation = self.operation()?;
        let input = self
            .model
            .get("operations")?
            .get(&operation)?
            .get("input")
            .and_then(target)
            .map(str::to_owned);
        let members = input.as_deref().map(|input| self.members_of(input)).unwrap_or_default();
        let byte = self.arg();
        let label = members
            .get(usize::from(self.arg()) % members.len().max(1))
            .cloned()
            .unwrap_or_else(|| "Missing".to_owned());
        let prefix = match byte % 8 {
            0 => format!("{{{label}}}."),
            1 => format!("data-{{{label}}}."),
            2 => "static.".to_owned(),
            3 => format!("{{{label}}}-{{{label}}}."),
            4 => "{".to_owned(),
            5 => "{}.".to_owned(),
            6 => format!("{{{label}}}"),
            _ => format!("ü{{{label}}}.\"x"),
        };
        let mark_label = self.arg() % 4 != 0;
        self.operation_mut(&operation)?
            .insert("endpoint".to_owned(), json!({ "hostPrefix": prefix }));
        if mark_label {
            if let (Some(input), true) = (input, members.contains(&label)) {
                let reference = self.shape_mut(&input)?.get_mut("members")?.get_mut(&label)?;
                reference.as_object_mut()?.insert("hostLabel".to_owned(), json!(true));
            }
        }
        let marked = if mark_label { ", hostLabel set" } else { "" };
        Some(format!("operation {operation:?} hostPrefix {prefix:?}{marked}"))
    }

    fn request_compression(&mut self) -> Option<String> {
        let operation = self.operation()?;
        let encodings = [
            json!(["gzip"]),
            json!([]),
            json!(["br"]),
            json!(["gzip", "gzip"]),
            json!("gzip"),
            json!(["\"*/"]),
        ];
        let value = encodings[usize::from(self.arg()) % encodings.len()].clone();
        self.operation_mut(&operation)?
            .insert("requestcompression".to_owned(), json!({ "encodings": value }));
        Some(format!("operation {operation:?} requestcompression {value}"))
    }

    fn integer_enum(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let sets = [
            json!([1, 2, 3]),
            json!([0]),
            json!([-1, 1]),
            json!([1, 1]),
            json!([2147483647, -2147483648]),
            json!([4294967296_i64]),
            json!([1.5]),
            json!(["a", 1]),
            json!([]),
        ];
        let values = sets[usize::from(self.arg()) % sets.len()].clone();
        let shape_type = ["integer", "long", "string"][usize::from(self.arg()) % 3];
        let object = self.shape_mut(&shape)?;
        object.insert("type".to_owned(), json!(shape_type));
        object.insert("enum".to_owned(), values.clone());
        Some(format!("shape {shape:?} type {shape_type:?} enum {values}"))
    }

    fn operation_rename(&mut self) -> Option<String> {
        let operation = self.operation()?;
        let how = self.arg() % 4;
        let new = self.name(&operation_names(self.model));
        let operations = self.model.get_mut("operations")?.as_object_mut()?;
        match how {
            0 => {
                operations.remove(&operation);
                Some(format!("delete operation {operation:?}"))
            }
            1 => {
                let mut copy = operations.get(&operation)?.clone();
                set_key(&mut copy, "name", json!(new));
                operations.insert(new.clone(), copy);
                if let Some(chosen) = self.operations.as_mut() {
                    chosen.push(new.clone());
                }
                Some(format!("copy operation {operation:?} as {new:?}"))
            }
            2 => {
                let entry = operations.get_mut(&operation)?;
                set_key(entry, "name", json!(new));
                Some(format!("operation {operation:?} name field {new:?}"))
            }
            _ => {
                let mut entry = operations.remove(&operation)?;
                set_key(&mut entry, "name", json!(new));
                operations.insert(new.clone(), entry);
                if let Some(chosen) = self.operations.as_mut() {
                    chosen.push(new.clone());
                }
                Some(format!("rename operation {operation:?} to {new:?}"))
            }
        }
    }

    fn error_shape(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let byte = self.arg();
        let member = ["message", "Message", "errorMessage", "code", "Code", "__type", "Reason"]
            [usize::from(byte) % 7];
        let target = if byte >= 128 { self.any_shape()? } else { ensure_string(self.model) };
        let object = self.shape_mut(&shape)?;
        object.insert("exception".to_owned(), json!(true));
        let members = object.entry("members").or_insert_with(|| json!({}));
        members.as_object_mut()?.insert(member.to_owned(), json!({ "shape": target }));
        Some(format!("shape {shape:?} an exception with member {member:?} -> {target:?}"))
    }

    fn location_name(&mut self) -> Option<String> {
        let (shape, member) = self.member()?;
        let name = self.name(&self.members_of(&shape));
        let reference = self.shape_mut(&shape)?.get_mut("members")?.get_mut(&member)?;
        reference.as_object_mut()?.insert("locationName".to_owned(), json!(name));
        Some(format!("member {shape:?}.{member:?} locationName {name:?}"))
    }

    fn make_union(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let byte = self.arg();
        let object = self.shape_mut(&shape)?;
        if byte % 3 == 0 {
            object.clear();
            object.insert("type".to_owned(), json!("structure"));
            object.insert("document".to_owned(), json!(true));
            return Some(format!("shape {shape:?} a document"));
        }
        object.insert("type".to_owned(), json!("structure"));
        object.insert("union".to_owned(), json!(true));
        let members = object.entry("members").or_insert_with(|| json!({}));
        if byte % 3 == 1 {
            members.as_object_mut()?.insert("Unknown".to_owned(), json!({"shape": shape}));
            return Some(format!("shape {shape:?} a union, with member \"Unknown\" -> itself"));
        }
        Some(format!("shape {shape:?} a union"))
    }

    fn deprecated_message(&mut self) -> Option<String> {
        let message = DOCS[usize::from(self.arg()) % DOCS.len()];
        let byte = self.arg();
        if byte % 2 == 0 {
            let (shape, member) = self.member()?;
            let reference =
                self.shape_mut(&shape)?.get_mut("members")?.get_mut(&member)?.as_object_mut()?;
            reference.insert("deprecated".to_owned(), json!(true));
            reference.insert("deprecatedMessage".to_owned(), json!(message));
            return Some(format!("member {shape:?}.{member:?} deprecated: {message:?}"));
        }
        let shape = self.shape()?;
        let object = self.shape_mut(&shape)?;
        object.insert("deprecated".to_owned(), json!(true));
        object.insert("deprecatedMessage".to_owned(), json!(message));
        Some(format!("shape {shape:?} deprecated: {message:?}"))
    }

    fn constraints(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let byte = self.arg();
        let pattern = PATTERNS[usize::from(self.arg()) % PATTERNS.len()];
        let min: Value =
            serde_json::from_str(BOUNDS[usize::from(self.arg()) % BOUNDS.len()]).ok()?;
        let max: Value =
            serde_json::from_str(BOUNDS[usize::from(self.arg()) % BOUNDS.len()]).ok()?;
        let object = self.shape_mut(&shape)?;
        let mut said = Vec::new();
        if byte & 1 != 0 {
            object.insert("pattern".to_owned(), json!(pattern));
            said.push(format!("pattern {pattern:?}"));
        }
        if byte & 2 != 0 {
            said.push(format!("min {min}"));
            object.insert("min".to_owned(), min);
        }
        if byte & 4 != 0 {
            said.push(format!("max {max}"));
            object.insert("max".to_owned(), max);
        }
        (!said.is_empty()).then(|| format!("shape {shape:?} {}", said.join(", ")))
    }

    fn shape_key_value(&mut self) -> Option<String> {
        let shape = self.shape()?;
        let key = [
            "members", "member", "key", "value", "required", "enum", "min", "max", "pattern",
            "type",
        ];
        let key = key[usize::from(self.arg()) % key.len()];
        let values = [
            json!(null),
            json!(0),
            json!(-1),
            json!("x"),
            json!([]),
            json!({}),
            json!(true),
            json!({"shape": "Nope"}),
            json!([{"shape": "Nope"}]),
            json!({"a": {"shape": "Nope"}}),
            json!(1e300),
        ];
        let value = values[usize::from(self.arg()) % values.len()].clone();
        let object = self.shape_mut(&shape)?;
        if value.is_null() {
            object.remove(key);
        } else {
            object.insert(key.to_owned(), value.clone());
        }
        Some(format!("shape {shape:?} {key} = {value}"))
    }
}

/// Patterns: Java's spellings AWS uses, ECMAScript-only syntax, broken ones, look-around, and
/// ones that backtrack badly.
const PATTERNS: &[&str] = &[
    "^[a-z]+$",
    "",
    "^$",
    "(",
    ")",
    "[",
    "]",
    "{",
    "\\",
    "\\-",
    "[\\-a]",
    "\\,",
    "\\_",
    "\\p{Print}",
    "\\p{Alnum}+",
    "\\P{Space}",
    "\\p{L}",
    "\\p{IsAlphabetic}",
    "\\p{Bogus}",
    "\\p{",
    "(?<name>x)\\k<name>",
    "(?=a)a",
    "(?<!b)a",
    "(?i)a",
    "a{2,1}",
    "[z-a]",
    "x**",
    "(a*)*b",
    "(a|aa)+$",
    "^(\\w+\\s?)*$",
    "\\u{1F600}",
    "\\uD83D",
    "\\cA",
    "\\0",
    "\\1",
    "🦀+",
    "[^\\u0000-\\u001F]*",
    "^.{1,5}$",
    "\\b",
    "\\Q*\\E",
    "[[:alpha:]]",
    "a\\",
    "/",
    "$^",
    "\\d{9999999999}",
    ".*\n.*",
    "[\\s\\S]",
    "\\x4",
    "\\xZZ",
    "(?",
];

/// Bounds: in and out of every type's range, fractional, negative, inverted.
const BOUNDS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "1.5",
    "-0.5",
    "1e300",
    "-1e300",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "1e-300",
];

/// A shape `String` of type string (for keys and new members), added when missing; its name.
fn ensure_string(model: &mut Value) -> String {
    if let Some(shapes) = model.get_mut("shapes").and_then(Value::as_object_mut) {
        shapes.entry("String").or_insert_with(|| json!({"type": "string"}));
    }
    "String".to_owned()
}

/// Points every reference to shape `old` (members, list members, keys, values, operations'
/// inputs, outputs and errors) at `new`.
fn retarget_all(model: &mut Value, old: &str, new: &str) {
    let retarget = |reference: &mut Value| {
        if reference.get("shape").and_then(Value::as_str) == Some(old) {
            set_key(reference, "shape", json!(new));
        }
    };
    if let Some(shapes) = model.get_mut("shapes").and_then(Value::as_object_mut) {
        for shape in shapes.values_mut() {
            if let Some(members) = shape.get_mut("members").and_then(Value::as_object_mut) {
                members.values_mut().for_each(retarget);
            }
            for role in ["member", "key", "value"] {
                if let Some(reference) = shape.get_mut(role) {
                    retarget(reference);
                }
            }
        }
    }
    if let Some(operations) = model.get_mut("operations").and_then(Value::as_object_mut) {
        for operation in operations.values_mut() {
            for role in ["input", "output"] {
                if let Some(reference) = operation.get_mut(role) {
                    retarget(reference);
                }
            }
            if let Some(errors) = operation.get_mut("errors").and_then(Value::as_array_mut) {
                errors.iter_mut().for_each(retarget);
            }
        }
    }
}

/// Sets `key` of `value` if it is an object (indexing would panic on anything else).
fn set_key(value: &mut Value, key: &str, new: Value) {
    if let Some(object) = value.as_object_mut() {
        object.insert(key.to_owned(), new);
    }
}
