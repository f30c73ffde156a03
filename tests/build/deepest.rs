//! The deepest models `check` accepts, one for each way of nesting: found here by lengthening a
//! chain until the generator refuses it, so the test follows the bound wherever it is set.

use std::path::Path;

/// How the chain's structures `S0`, `S1`, … hold each other.
#[derive(Clone, Copy)]
pub enum Nesting {
    /// `S0.Next` is an optional `S1`.
    Optional,
    /// `S0.Next` is a required `S1`.
    Required,
    /// `S0.Next` is a list of `S1`.
    Lists,
    /// `S0.Next` is a map of lists of `S1`.
    MapsOfLists,
    /// Optional structures whose last holds the first again.
    Cycle,
    /// Optional structures whose last holds a document.
    Document,
    /// `S0.Next` is a union `U0` whose member `Next` holds `U1`, and so on.
    Unions,
}

pub const ALL: [(&str, Nesting); 7] = [
    ("optional", Nesting::Optional),
    ("required", Nesting::Required),
    ("lists", Nesting::Lists),
    ("maps_of_lists", Nesting::MapsOfLists),
    ("cycle", Nesting::Cycle),
    ("document", Nesting::Document),
    ("unions", Nesting::Unions),
];

/// The model of a chain of `length` shapes nesting as `nesting` says. Its one operation, `Go`,
/// takes and gives `S0`, and its error `Oops` holds `S0` too.
pub fn model(nesting: Nesting, length: usize) -> String {
    let unions = matches!(nesting, Nesting::Unions);
    let chained = if unions { "U" } else { "S" };
    let mut shapes = vec![shape("Name", r#"{"type": "string"}"#.to_owned())];
    if unions {
        // An operation takes and gives structures.
        shapes.push(shape("S0", structure("", &member("Next", "U0"))));
    }
    for i in 0..length {
        let members = if i + 1 < length {
            next_member(nesting, i, &format!("{chained}{}", i + 1), &mut shapes)
        } else {
            last_members(nesting, &mut shapes)
        };
        let flags = match nesting {
            Nesting::Unions => r#""union": true, "#,
            Nesting::Required if i + 1 < length => r#""required": ["Next"], "#,
            _ => "",
        };
        shapes.push(shape(&format!("{chained}{i}"), structure(flags, &members)));
    }
    let oops = format!("{}, {}", member("Message", "Name"), member("Detail", "S0"));
    shapes.push(shape("Oops", structure(r#""exception": true, "#, &oops)));
    let metadata = r#"{"apiVersion": "2020-01-01", "endpointPrefix": "deep", "jsonVersion": "1.1", "protocol": "json", "serviceFullName": "Deepest", "serviceId": "Deepest", "signatureVersion": "v4", "targetPrefix": "Deepest", "uid": "deepest-2020-01-01"}"#;
    let go = r#"{"name": "Go", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "S0"}, "output": {"shape": "S0"}, "errors": [{"shape": "Oops"}]}"#;
    format!(
        "{{\n  \"version\": \"2.0\",\n  \"metadata\": {metadata},\n  \"operations\": {{\"Go\": {go}}},\n  \
         \"shapes\": {{\n    {}\n  }}\n}}\n",
        shapes.join(",\n    ")
    )
}

/// The member `Next` of the chain's `i`th shape, which leads to `next`, with the lists and maps
/// on the way added to `shapes`.
fn next_member(nesting: Nesting, i: usize, next: &str, shapes: &mut Vec<String>) -> String {
    match nesting {
        Nesting::Lists => {
            shapes.push(shape(&format!("L{i}"), list(next)));
            member("Next", &format!("L{i}"))
        }
        Nesting::MapsOfLists => {
            shapes.push(shape(&format!("L{i}"), list(next)));
            let map = format!(
                r#"{{"type": "map", "key": {{"shape": "Name"}}, "value": {{"shape": "L{i}"}}}}"#
            );
            shapes.push(shape(&format!("M{i}"), map));
            member("Next", &format!("M{i}"))
        }
        _ => member("Next", next),
    }
}

/// The members of the chain's last shape.
fn last_members(nesting: Nesting, shapes: &mut Vec<String>) -> String {
    match nesting {
        Nesting::Cycle => format!("{}, {}", member("Name", "Name"), member("Back", "S0")),
        Nesting::Document => {
            let document = r#"{"type": "structure", "members": {}, "document": true}"#;
            shapes.push(shape("Any", document.to_owned()));
            member("Any", "Any")
        }
        _ => member("Name", "Name"),
    }
}

fn shape(name: &str, shape: String) -> String {
    format!(r#""{name}": {shape}"#)
}

/// A structure: `flags` are its other keys, each followed by a comma and a space.
fn structure(flags: &str, members: &str) -> String {
    format!(r#"{{"type": "structure", {flags}"members": {{{members}}}}}"#)
}

fn member(name: &str, target: &str) -> String {
    format!(r#""{name}": {{"shape": "{target}"}}"#)
}

fn list(element: &str) -> String {
    format!(r#"{{"type": "list", "member": {{"shape": "{element}"}}}}"#)
}

/// Whether the generator takes the model.
fn accepted(model: &str) -> Result<bool, String> {
    let parsed = awsjson_codegen::model::parse(model.as_bytes())
        .map_err(|problems| format!("the chain model does not parse: {problems:?}"))?;
    Ok(awsjson_codegen::ir::build(&parsed).is_ok())
}

/// Writes `deepest_<name>.json` and its code `deepest_<name>.rs` for each way of nesting into
/// `out_dir`, and `deepest_lengths.rs`, the chains' lengths, for the tests.
pub fn write(out_dir: &Path) -> Result<(), String> {
    // Far past any bound rustc could take: a bound that refuses nothing this long is a bug.
    const LONGEST: usize = 1_000;
    let mut lengths = String::new();
    for (name, nesting) in ALL {
        if !accepted(&model(nesting, 1))? {
            return Err(format!("the {name} chain of one shape is refused"));
        }
        let (mut taken, mut refused) = (1, LONGEST);
        if accepted(&model(nesting, refused))? {
            return Err(format!("the {name} chain of {LONGEST} shapes is accepted"));
        }
        while refused - taken > 1 {
            let middle = (taken + refused) / 2;
            if accepted(&model(nesting, middle))? {
                taken = middle;
            } else {
                refused = middle;
            }
        }
        let json = out_dir.join(format!("deepest_{name}.json"));
        std::fs::write(&json, model(nesting, taken))
            .map_err(|e| format!("{}: {e}", json.display()))?;
        awsjson_codegen::Builder::new(&json)
            .out_file(out_dir.join(format!("deepest_{name}.rs")))
            .write()
            .map_err(|error| error.to_string())?;
        lengths.push_str(&format!(
            "/// The length of the deepest {name} chain.\npub const {}: usize = {taken};\n",
            name.to_uppercase()
        ));
    }
    let path = out_dir.join("deepest_lengths.rs");
    std::fs::write(&path, lengths).map_err(|e| format!("{}: {e}", path.display()))
}
